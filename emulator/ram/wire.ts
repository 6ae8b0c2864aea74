// RAM's response shapes, with the XML-style list wrappers (`Roles:{Role:[…]}`) the SDK needs.
import type { Caller } from "../core/contract";
import type { RamStore, AnyPolicy } from "./store";
import type { Attachment, GroupRecord, PolicyVersionRecord, RoleRecord, UserRecord } from "./state";
import type { Params } from "./validate";

interface RamCtx {
  store: RamStore;
  now: Date;
  /** Who signed the call, for the operations that answer per caller (DecodeDiagnosticMessage). */
  caller?: Caller;
}
export type RamHandler = (p: Params, ctx: RamCtx) => Record<string, unknown>;

export function roleSummary(r: RoleRecord) {
  return {
    RoleId: r.roleId,
    RoleName: r.roleName,
    Arn: r.arn,
    Description: r.description,
    MaxSessionDuration: r.maxSessionDuration,
    CreateDate: r.createDate,
    UpdateDate: r.updateDate,
    Tags: { Tag: r.tags },
  };
}

export function roleFull(r: RoleRecord) {
  return {
    RoleId: r.roleId,
    RoleName: r.roleName,
    Arn: r.arn,
    Description: r.description,
    AssumeRolePolicyDocument: r.assumeRolePolicyDocument,
    MaxSessionDuration: r.maxSessionDuration,
    CreateDate: r.createDate,
    UpdateDate: r.updateDate,
  };
}

export function userWire(u: UserRecord) {
  return {
    UserId: u.userId,
    UserName: u.userName,
    DisplayName: u.displayName,
    Email: u.email,
    MobilePhone: u.mobilePhone,
    Comments: u.comments,
    CreateDate: u.createDate,
    UpdateDate: u.updateDate,
  };
}

export function groupWire(g: GroupRecord) {
  return { GroupId: g.groupId, GroupName: g.groupName, Comments: g.comments, CreateDate: g.createDate, UpdateDate: g.updateDate };
}

export function policySummary(store: RamStore, p: AnyPolicy) {
  const x = p.policy;
  const base = {
    PolicyName: x.policyName,
    PolicyType: p.kind,
    Description: x.description,
    DefaultVersion: x.defaultVersion,
    AttachmentCount: store.attachmentCount(x.policyName, p.kind),
    CreateDate: x.createDate,
    UpdateDate: x.updateDate,
  };
  return p.kind === "Custom" ? { ...base, Tags: { Tag: p.policy.tags } } : { ...base, Tags: { Tag: [] } };
}

export function attachedPolicies(store: RamStore, attachments: Attachment[]) {
  const Policy = attachments.flatMap((a) => {
    const p = store.findPolicy(a.policyName, a.policyType);
    if (!p) return [];
    return [{
      PolicyName: p.policy.policyName,
      PolicyType: p.kind,
      Description: p.policy.description,
      DefaultVersion: p.policy.defaultVersion,
      AttachDate: a.attachDate,
    }];
  });
  return { Policies: { Policy } };
}

export function versionWire(v: PolicyVersionRecord, defaultVersion: string) {
  return { VersionId: v.versionId, IsDefaultVersion: v.versionId === defaultVersion, PolicyDocument: v.document, CreateDate: v.createDate };
}

/** A policy's versions; a system policy has exactly one, its current document. */
export function versionsOf(p: AnyPolicy): PolicyVersionRecord[] {
  if (p.kind === "Custom") return p.policy.versions;
  return [{ versionId: p.policy.defaultVersion, document: JSON.stringify(p.policy.document), createDate: p.policy.updateDate }];
}

/** The same object without one field (a create response omits UpdateDate, GetPolicy omits Tags). */
export function omit<T extends object, K extends keyof T>(o: T, key: K): Omit<T, K> {
  const copy = { ...o };
  delete copy[key];
  return copy;
}
