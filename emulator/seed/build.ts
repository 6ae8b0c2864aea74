// Helpers that write seed entities straight into RAM state (documents are still validated).
import { parsePolicy, serializePolicy } from "../../lib/policy";
import type { PolicyDocument } from "../../lib/policy/types";
import { isoSeconds } from "../core/http";
import { keyOf, nextGroupId, nextRoleId, nextUserId, ramRoleArn, type Attachment, type GroupRecord, type RoleRecord, type UserRecord } from "../ram/state";
import type { RamStore } from "../ram/store";

function text(doc: PolicyDocument, kind: "permission" | "trust"): string {
  const t = serializePolicy(doc);
  const r = parsePolicy(t, { kind });
  if (!r.ok) throw new Error(`seed document is invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
  return t;
}

const attach = (ref: string, at: string): Attachment => {
  const [policyType, policyName] = ref.includes(":") ? (ref.split(":") as ["System" | "Custom", string]) : (["System", ref] as const);
  return { policyType, policyName, attachDate: at };
};

/** `policies`: system policy names, or `Custom:<name>` for custom ones. */
export function putRole(
  store: RamStore,
  r: { name: string; trust: PolicyDocument; description?: string; policies?: string[]; at: Date; serviceLinked?: boolean; maxSessionDuration?: number },
): RoleRecord {
  const at = isoSeconds(r.at);
  const role: RoleRecord = {
    roleId: nextRoleId(store.state),
    roleName: r.name,
    arn: ramRoleArn(store.accountId, r.name),
    description: r.description ?? "",
    assumeRolePolicyDocument: text(r.trust, "trust"),
    maxSessionDuration: r.maxSessionDuration ?? 3600,
    createDate: at,
    updateDate: at,
    tags: [],
    policies: (r.policies ?? []).map((p) => attach(p, at)),
    ...(r.serviceLinked ? { serviceLinked: true } : {}),
  };
  store.state.roles[keyOf(r.name)] = role;
  return role;
}

export function putPolicy(store: RamStore, p: { name: string; document: PolicyDocument; description?: string; at: Date }): void {
  const at = isoSeconds(p.at);
  store.state.policies[keyOf(p.name)] = {
    policyName: p.name,
    description: p.description ?? "",
    createDate: at,
    updateDate: at,
    defaultVersion: "v1",
    versions: [{ versionId: "v1", document: text(p.document, "permission"), createDate: at }],
    nextVersion: 2,
    tags: [],
  };
}

export function putUser(
  store: RamStore,
  u: { name: string; displayName: string; comments?: string; email?: string; policies?: string[]; at: Date; key?: { id: string; secret: string } },
): UserRecord {
  const at = isoSeconds(u.at);
  const user: UserRecord = {
    userId: nextUserId(store.state),
    userName: u.name,
    displayName: u.displayName,
    email: u.email ?? "",
    mobilePhone: "",
    comments: u.comments ?? "",
    createDate: at,
    updateDate: at,
    policies: (u.policies ?? []).map((p) => attach(p, at)),
  };
  store.state.users[keyOf(u.name)] = user;
  if (u.key) store.state.accessKeys[u.key.id] = { accessKeyId: u.key.id, accessKeySecret: u.key.secret, userName: u.name };
  return user;
}

/** `members` are user names already in the store. */
export function putGroup(store: RamStore, g: { name: string; comments?: string; members?: string[]; policies?: string[]; at: Date }): GroupRecord {
  const at = isoSeconds(g.at);
  const group: GroupRecord = {
    groupId: nextGroupId(store.state),
    groupName: g.name,
    comments: g.comments ?? "",
    createDate: at,
    updateDate: at,
    policies: (g.policies ?? []).map((p) => attach(p, at)),
    members: (g.members ?? []).map((userName) => {
      if (!store.findUser(userName)) throw new Error(`seed group ${g.name} names no user ${userName}`);
      return { userName, joinDate: at };
    }),
  };
  store.state.groups[keyOf(g.name)] = group;
  return group;
}

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

export function serviceTrust(...services: string[]): PolicyDocument {
  return { Version: "1", Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: services } }] };
}
