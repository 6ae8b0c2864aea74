// CreateUser, GetUser, ListUsers.
import { isoSeconds } from "../core/http";
import { ramErrors } from "./errors";
import { keyOf, nextUserId, type UserRecord } from "./state";
import * as v from "./validate";
import { omit, userWire, type RamHandler } from "./wire";

export const createUser: RamHandler = (p, { store, now }) => {
  const name = v.userName(v.required(p, "UserName"));
  const displayName = v.maxLength(p.DisplayName, "DisplayName", 128) || name;
  const comments = v.maxLength(p.Comments, "Comments", 128);
  const email = v.maxLength(p.Email, "Email", 128);
  const mobilePhone = v.maxLength(p.MobilePhone, "MobilePhone", 32);
  if (store.findUser(name)) throw ramErrors.userExists(name);
  const at = isoSeconds(now);
  const user: UserRecord = {
    userId: nextUserId(store.state),
    userName: name,
    displayName,
    email,
    mobilePhone,
    comments,
    createDate: at,
    updateDate: at,
    policies: [],
  };
  store.state.users[keyOf(name)] = user;
  store.markDirty();
  return { User: omit(userWire(user), "UpdateDate") };
};

export const getUser: RamHandler = (p, { store }) => {
  const u = store.user(v.required(p, "UserName"));
  return { User: { ...userWire(u), ...(u.lastLoginDate ? { LastLoginDate: u.lastLoginDate } : {}) } };
};

export const listUsers: RamHandler = (p, { store }) => {
  const page = v.page(Object.values(store.state.users), p);
  return {
    IsTruncated: page.IsTruncated,
    ...(page.Marker ? { Marker: page.Marker } : {}),
    Users: { User: page.items.map(userWire) },
  };
};
