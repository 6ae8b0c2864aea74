// Attach/Detach a policy to a role, user or group, ListPoliciesForRole/User/Group, ListEntitiesForPolicy.
import { isoSeconds } from "../core/http";
import { ramErrors } from "./errors";
import { keyOf, type Attachment } from "./state";
import type { RamStore } from "./store";
import * as v from "./validate";
import { attachedPolicies, type RamHandler } from "./wire";

interface Target {
  /** Role, User or Group: names the LimitExceeded code. */
  entity: string;
  name: string;
  policies: Attachment[];
  exists: (policy: string, target: string) => Error;
  missing: (policy: string, target: string) => Error;
}

function roleTarget(store: RamStore, p: v.Params): Target {
  const role = store.role(v.required(p, "RoleName"));
  return {
    entity: "Role",
    name: role.roleName,
    get policies() {
      return role.policies;
    },
    set policies(list: Attachment[]) {
      role.policies = list;
    },
    exists: ramErrors.rolePolicyExists,
    missing: ramErrors.rolePolicyNotFound,
  };
}

function userTarget(store: RamStore, p: v.Params): Target {
  const user = store.user(v.required(p, "UserName"));
  return {
    entity: "User",
    name: user.userName,
    get policies() {
      return user.policies;
    },
    set policies(list: Attachment[]) {
      user.policies = list;
    },
    exists: ramErrors.userPolicyExists,
    missing: ramErrors.userPolicyNotFound,
  };
}

function groupTarget(store: RamStore, p: v.Params): Target {
  const group = store.group(v.required(p, "GroupName"));
  return {
    entity: "Group",
    name: group.groupName,
    get policies() {
      return group.policies;
    },
    set policies(list: Attachment[]) {
      group.policies = list;
    },
    exists: ramErrors.groupPolicyExists,
    missing: ramErrors.groupPolicyNotFound,
  };
}

function attach(target: (s: RamStore, p: v.Params) => Target): RamHandler {
  return (p, { store, now }) => {
    const type = v.policyType(p.PolicyType)!;
    const found = store.policy(v.required(p, "PolicyName"), type);
    const t = target(store, p);
    const name = found.policy.policyName;
    if (t.policies.some((a) => a.policyType === type && keyOf(a.policyName) === keyOf(name))) throw t.exists(name, t.name);
    const max = type === "System" ? v.QUOTAS.systemPoliciesPerEntity : v.QUOTAS.customPoliciesPerEntity;
    if (t.policies.filter((a) => a.policyType === type).length >= max) throw ramErrors.attachmentLimit(t.entity, t.name, type, max);
    t.policies = [...t.policies, { policyType: type, policyName: name, attachDate: isoSeconds(now) }];
    store.markDirty();
    return {};
  };
}

function detach(target: (s: RamStore, p: v.Params) => Target): RamHandler {
  return (p, { store }) => {
    const type = v.policyType(p.PolicyType)!;
    const name = v.required(p, "PolicyName");
    store.policy(name, type);
    const t = target(store, p);
    const rest = t.policies.filter((a) => !(a.policyType === type && keyOf(a.policyName) === keyOf(name)));
    if (rest.length === t.policies.length) throw t.missing(name, t.name);
    t.policies = rest;
    store.markDirty();
    return {};
  };
}

export const attachPolicyToRole = attach(roleTarget);
export const detachPolicyFromRole = detach(roleTarget);
export const attachPolicyToUser = attach(userTarget);
export const detachPolicyFromUser = detach(userTarget);

export const attachPolicyToGroup = attach(groupTarget);
export const detachPolicyFromGroup = detach(groupTarget);

export const listPoliciesForRole: RamHandler = (p, { store }) =>
  attachedPolicies(store, store.role(v.required(p, "RoleName")).policies);

export const listPoliciesForUser: RamHandler = (p, { store }) =>
  attachedPolicies(store, store.user(v.required(p, "UserName")).policies);

export const listPoliciesForGroup: RamHandler = (p, { store }) =>
  attachedPolicies(store, store.group(v.required(p, "GroupName")).policies);

export const listEntitiesForPolicy: RamHandler = (p, { store }) => {
  const type = v.policyType(p.PolicyType)!;
  const found = store.policy(v.required(p, "PolicyName"), type);
  const k = keyOf(found.policy.policyName);
  const find = (list: Attachment[]) => list.find((a) => a.policyType === type && keyOf(a.policyName) === k);
  const Role = Object.values(store.state.roles).flatMap((r) => {
    const a = find(r.policies);
    return a ? [{ RoleId: r.roleId, RoleName: r.roleName, Arn: r.arn, Description: r.description, AttachDate: a.attachDate }] : [];
  });
  const User = Object.values(store.state.users).flatMap((u) => {
    const a = find(u.policies);
    return a ? [{ UserId: u.userId, UserName: u.userName, DisplayName: u.displayName, AttachDate: a.attachDate }] : [];
  });
  const Group = Object.values(store.state.groups).flatMap((g) => {
    const a = find(g.policies);
    return a ? [{ GroupName: g.groupName, Comments: g.comments, AttachDate: a.attachDate }] : [];
  });
  return { Users: { User }, Groups: { Group }, Roles: { Role } };
};
