// CreateGroup, GetGroup, UpdateGroup, ListGroups, DeleteGroup, AddUserToGroup,
// RemoveUserFromGroup, ListGroupsForUser, ListUsersForGroup.
import { isoSeconds } from "../core/http";
import { ramErrors } from "./errors";
import { keyOf, nextGroupId, type GroupRecord } from "./state";
import * as v from "./validate";
import { groupWire, omit, type RamHandler } from "./wire";

const comments = (value: string | undefined, field = "Comments") => v.maxLength(value, field, 128);

export const createGroup: RamHandler = (p, { store, now }) => {
  const name = v.groupName(v.required(p, "GroupName"));
  const text = comments(p.Comments);
  if (store.findGroup(name)) throw ramErrors.groupExists(name);
  if (Object.keys(store.state.groups).length >= v.QUOTAS.groupsPerAccount) throw ramErrors.groupLimit(v.QUOTAS.groupsPerAccount);
  const at = isoSeconds(now);
  const group: GroupRecord = { groupId: nextGroupId(store.state), groupName: name, comments: text, createDate: at, updateDate: at, policies: [], members: [] };
  store.state.groups[keyOf(name)] = group;
  store.markDirty();
  return { Group: omit(groupWire(group), "UpdateDate") };
};

export const getGroup: RamHandler = (p, { store }) => ({ Group: groupWire(store.group(v.required(p, "GroupName"))) });

export const updateGroup: RamHandler = (p, { store, now }) => {
  const group = store.group(v.required(p, "GroupName"));
  const newName = p.NewGroupName ? v.groupName(p.NewGroupName, "NewGroupName") : undefined;
  const newComments = p.NewComments !== undefined ? comments(p.NewComments, "NewComments") : undefined;
  if (newName !== undefined && keyOf(newName) !== keyOf(group.groupName)) {
    if (store.findGroup(newName)) throw ramErrors.groupExists(newName);
    delete store.state.groups[keyOf(group.groupName)];
    store.state.groups[keyOf(newName)] = group;
  }
  if (newName !== undefined) group.groupName = newName;
  if (newComments !== undefined) group.comments = newComments;
  group.updateDate = isoSeconds(now);
  store.markDirty();
  return { Group: groupWire(group) };
};

export const listGroups: RamHandler = (p, { store }) => {
  const page = v.page(Object.values(store.state.groups), p, 100);
  return { IsTruncated: page.IsTruncated, ...(page.Marker ? { Marker: page.Marker } : {}), Groups: { Group: page.items.map(groupWire) } };
};

export const deleteGroup: RamHandler = (p, { store }) => {
  const group = store.group(v.required(p, "GroupName"));
  if (group.members.length > 0) throw ramErrors.deleteConflictGroupUser(group.groupName);
  if (group.policies.length > 0) throw ramErrors.deleteConflictGroupPolicy(group.groupName);
  delete store.state.groups[keyOf(group.groupName)];
  store.markDirty();
  return {};
};

export const addUserToGroup: RamHandler = (p, { store, now }) => {
  const group = store.group(v.required(p, "GroupName"));
  const user = store.user(v.required(p, "UserName"));
  if (group.members.some((m) => keyOf(m.userName) === keyOf(user.userName))) throw ramErrors.memberExists(user.userName, group.groupName);
  if (store.groupsOf(user.userName).length >= v.QUOTAS.groupsPerUser) throw ramErrors.userGroupLimit(user.userName, v.QUOTAS.groupsPerUser);
  group.members.push({ userName: user.userName, joinDate: isoSeconds(now) });
  store.markDirty();
  return {};
};

export const removeUserFromGroup: RamHandler = (p, { store }) => {
  const group = store.group(v.required(p, "GroupName"));
  const user = store.user(v.required(p, "UserName"));
  const rest = group.members.filter((m) => keyOf(m.userName) !== keyOf(user.userName));
  if (rest.length === group.members.length) throw ramErrors.memberNotFound(user.userName, group.groupName);
  group.members = rest;
  store.markDirty();
  return {};
};

export const listGroupsForUser: RamHandler = (p, { store }) => {
  const user = store.user(v.required(p, "UserName"));
  const k = keyOf(user.userName);
  const Group = store.groupsOf(user.userName).map((g) => ({
    GroupName: g.groupName,
    GroupId: g.groupId,
    Comments: g.comments,
    JoinDate: g.members.find((m) => keyOf(m.userName) === k)?.joinDate ?? g.createDate,
  }));
  return { Groups: { Group } };
};

export const listUsersForGroup: RamHandler = (p, { store }) => {
  const group = store.group(v.required(p, "GroupName"));
  const page = v.page(group.members, p);
  const User = page.items.map((m) => ({ UserName: m.userName, DisplayName: store.findUser(m.userName)?.displayName ?? m.userName, JoinDate: m.joinDate }));
  return { IsTruncated: page.IsTruncated, ...(page.Marker ? { Marker: page.Marker } : {}), Users: { User } };
};
