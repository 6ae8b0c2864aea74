// CreateRole, GetRole, ListRoles, UpdateRole, DeleteRole.
import { isoSeconds } from "../core/http";
import { ramErrors } from "./errors";
import { keyOf, nextRoleId, ramRoleArn, type RoleRecord } from "./state";
import * as v from "./validate";
import { omit, roleFull, roleSummary, type RamHandler } from "./wire";

export const createRole: RamHandler = (p, { store, now }) => {
  const name = v.roleName(v.required(p, "RoleName"));
  const trust = v.policyDocument(v.required(p, "AssumeRolePolicyDocument"), "trust");
  const description = v.description(p.Description);
  const maxSession = v.maxSessionDuration(p.MaxSessionDuration) ?? 3600;
  const tags = v.tags(p.Tag);
  if (store.findRole(name)) throw ramErrors.roleExists(name);
  const at = isoSeconds(now);
  const role: RoleRecord = {
    roleId: nextRoleId(store.state),
    roleName: name,
    arn: ramRoleArn(store.accountId, name),
    description,
    assumeRolePolicyDocument: trust,
    maxSessionDuration: maxSession,
    createDate: at,
    updateDate: at,
    tags,
    policies: [],
  };
  store.state.roles[keyOf(name)] = role;
  store.markDirty();
  return { Role: omit(roleFull(role), "UpdateDate") };
};

export const getRole: RamHandler = (p, { store }) => ({ Role: roleFull(store.role(v.required(p, "RoleName"))) });

export const listRoles: RamHandler = (p, { store }) => {
  const wanted = v.tags(p.Tag);
  const roles = Object.values(store.state.roles).filter((r) =>
    wanted.every((t) => r.tags.some((x) => x.TagKey === t.TagKey && (t.TagValue === "" || x.TagValue === t.TagValue))),
  );
  const page = v.page(roles, p);
  return { IsTruncated: page.IsTruncated, ...(page.Marker ? { Marker: page.Marker } : {}), Roles: { Role: page.items.map(roleSummary) } };
};

export const updateRole: RamHandler = (p, { store, now }) => {
  const role = store.role(v.required(p, "RoleName"));
  const trust = p.NewAssumeRolePolicyDocument ? v.policyDocument(p.NewAssumeRolePolicyDocument, "trust") : undefined;
  const description = p.NewDescription !== undefined ? v.description(p.NewDescription) : undefined;
  const maxSession = v.maxSessionDuration(p.NewMaxSessionDuration);
  if (trust !== undefined) role.assumeRolePolicyDocument = trust;
  if (description !== undefined) role.description = description;
  if (maxSession !== undefined) role.maxSessionDuration = maxSession;
  role.updateDate = isoSeconds(now);
  store.markDirty();
  return { Role: roleFull(role) };
};

export const deleteRole: RamHandler = (p, { store }) => {
  const role = store.role(v.required(p, "RoleName"));
  if (role.serviceLinked) throw ramErrors.serviceLinkedRole(role.roleName);
  if (role.policies.length > 0) throw ramErrors.deleteConflictRolePolicy(role.roleName);
  delete store.state.roles[keyOf(role.roleName)];
  store.markDirty();
  return {};
};
