// RamGateway over the official RAM SDK (@alicloud/ram20150501). Every call goes through
// callWithRetry; SDK models (camelCase) are mapped to the interface types here and nowhere else.
import "server-only";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import Ram, * as $Ram from "@alicloud/ram20150501";
import * as $dara from "@darabonba/typescript";
import { callWithRetry } from "./call";
import { openApiConfig, type ClientOptions } from "./client-config";
import { followMarkers } from "./paging";
import { createStsClient } from "./sts-client";
import type { AttachedPolicy, DecodedDiagnostic, Page, Policy, PolicySummary, PolicyType, PolicyVersion, RamGateway, RamGroup, RamUser, Role, RoleSummary, WriteResult } from "./types";

export interface RamGatewayConfig extends ClientOptions {
  /** host[:port], no scheme (the SDK adds it from `protocol`). */
  endpoint: string;
  /** STS for getCallerIdentity; defaults to sts.aliyuncs.com for the real RAM endpoint, else the same endpoint. */
  stsEndpoint?: string;
}

const LIST_PAGE = 1000;
const s = (v: string | undefined) => v ?? "";
const n = (v: number | undefined) => v ?? 0;
const opt = <T>(v: T | undefined | null) => (v === null || v === undefined || v === "" ? undefined : v);
const policyType = (v: string | undefined): PolicyType => (v === "System" ? "System" : "Custom");

type RoleModel = {
  roleId?: string; roleName?: string; arn?: string; description?: string; maxSessionDuration?: number;
  createDate?: string; updateDate?: string; assumeRolePolicyDocument?: string;
  tags?: { tag?: { tagKey?: string; tagValue?: string }[] };
};

function roleSummary(r: RoleModel): RoleSummary {
  const tags = r.tags?.tag?.map((t) => ({ key: s(t.tagKey), value: s(t.tagValue) }));
  return {
    roleId: s(r.roleId),
    roleName: s(r.roleName),
    arn: s(r.arn),
    description: s(r.description),
    maxSessionDuration: n(r.maxSessionDuration),
    createDate: s(r.createDate),
    ...(opt(r.updateDate) ? { updateDate: r.updateDate } : {}),
    ...(tags && tags.length > 0 ? { tags } : {}),
  };
}

const role = (r: RoleModel | undefined): Role => ({ ...roleSummary(r ?? {}), assumeRolePolicyDocument: s(r?.assumeRolePolicyDocument) });

type PolicyModel = {
  policyName?: string; policyType?: string; description?: string; defaultVersion?: string; attachmentCount?: number;
  createDate?: string; updateDate?: string; attachDate?: string; policyDocument?: string;
};

function policySummary(p: PolicyModel): PolicySummary {
  return {
    policyName: s(p.policyName),
    policyType: policyType(p.policyType),
    description: s(p.description),
    defaultVersion: s(p.defaultVersion),
    attachmentCount: n(p.attachmentCount),
    createDate: s(p.createDate),
    ...(opt(p.updateDate) ? { updateDate: p.updateDate } : {}),
  };
}

const attached = (p: PolicyModel): AttachedPolicy => ({
  policyName: s(p.policyName),
  policyType: policyType(p.policyType),
  description: s(p.description),
  defaultVersion: s(p.defaultVersion),
  attachDate: s(p.attachDate),
});

type DecodedModel = {
  authAction?: string; authResource?: string; explicitDeny?: boolean; noPermissionPolicyType?: string;
  authPrincipal?: { authPrincipalType?: string; authPrincipalOwnerId?: string; authPrincipalDisplayName?: string };
  authConditions?: { conditionKey?: string; conditionValues?: string[] }[];
  matchedPolicies?: { effect?: string; policyIdentifier?: string; policyType?: string; policyVersion?: string; attachedEntityType?: string; attachedScope?: string }[];
};
const decoded = (d: DecodedModel | undefined): DecodedDiagnostic => ({
  authAction: s(d?.authAction),
  authResource: s(d?.authResource),
  authPrincipal: {
    authPrincipalType: s(d?.authPrincipal?.authPrincipalType),
    authPrincipalOwnerId: s(d?.authPrincipal?.authPrincipalOwnerId),
    authPrincipalDisplayName: s(d?.authPrincipal?.authPrincipalDisplayName),
  },
  authConditions: (d?.authConditions ?? []).map((c) => ({ conditionKey: s(c.conditionKey), conditionValues: c.conditionValues ?? [] })),
  explicitDeny: d?.explicitDeny === true,
  noPermissionPolicyType: s(d?.noPermissionPolicyType),
  matchedPolicies: (d?.matchedPolicies ?? []).map((m) => ({
    ...(opt(m.effect) ? { effect: m.effect } : {}),
    policyIdentifier: s(m.policyIdentifier),
    policyType: s(m.policyType),
    ...(opt(m.policyVersion) ? { policyVersion: m.policyVersion } : {}),
    attachedEntityType: s(m.attachedEntityType),
    attachedScope: s(m.attachedScope),
  })),
});

type VersionModel = { versionId?: string; isDefaultVersion?: boolean; policyDocument?: string; createDate?: string };
const version = (v: VersionModel | undefined): PolicyVersion => ({
  versionId: s(v?.versionId),
  isDefaultVersion: v?.isDefaultVersion === true,
  policyDocument: s(v?.policyDocument),
  createDate: s(v?.createDate),
});

type UserModel = {
  userId?: string; userName?: string; displayName?: string; email?: string; comments?: string;
  createDate?: string; updateDate?: string; lastLoginDate?: string;
};
function user(u: UserModel | undefined): RamUser {
  return {
    userId: s(u?.userId),
    userName: s(u?.userName),
    displayName: s(u?.displayName),
    ...(opt(u?.email) ? { email: u?.email } : {}),
    ...(opt(u?.comments) ? { comments: u?.comments } : {}),
    createDate: s(u?.createDate),
    ...(opt(u?.updateDate) ? { updateDate: u?.updateDate } : {}),
    ...(opt(u?.lastLoginDate) ? { lastLoginDate: u?.lastLoginDate } : {}),
  };
}

type GroupModel = { groupId?: string; groupName?: string; comments?: string; createDate?: string; updateDate?: string; joinDate?: string };
const group = (g: GroupModel | undefined): RamGroup => ({
  groupId: s(g?.groupId),
  groupName: s(g?.groupName),
  comments: s(g?.comments),
  createDate: s(g?.createDate),
  ...(opt(g?.updateDate) ? { updateDate: g?.updateDate } : {}),
});

function page<T>(items: T[], isTruncated: boolean | undefined, marker: string | undefined): Page<T> {
  return { items, isTruncated: isTruncated === true, ...(isTruncated && marker ? { marker } : {}) };
}

function stsEndpointFor(cfg: RamGatewayConfig): string {
  if (cfg.stsEndpoint) return cfg.stsEndpoint;
  return /(^|\.)ram\.aliyuncs\.com$/.test(cfg.endpoint) ? "sts.aliyuncs.com" : cfg.endpoint;
}

/** RamGateway, plus an explicit opt-in to CascadingDelete (detach everywhere, drop old versions). */
export interface SdkRamGateway extends RamGateway {
  deletePolicy(policyName: string, opts?: { cascade?: boolean }): Promise<WriteResult>;
}

export function createRamGateway(cfg: RamGatewayConfig): SdkRamGateway {
  const client = new Ram(openApiConfig(cfg.endpoint, cfg));
  const runtime = () => new $dara.RuntimeOptions({});
  const call = <T>(fn: (rt: $dara.RuntimeOptions) => Promise<{ body?: T }>): Promise<T> =>
    callWithRetry(async () => {
      const res = await fn(runtime());
      return (res.body ?? {}) as T;
    }, cfg.retry);
  const sts = createStsClient({ ...cfg, endpoint: stsEndpointFor(cfg) });
  const rid = (b: { requestId?: string }) => ({ requestId: s(b.requestId) });

  const gw: SdkRamGateway = {
    async listRoles(o) {
      const b = await call((rt) => client.listRolesWithOptions(new $Ram.ListRolesRequest({ marker: o?.marker, maxItems: o?.maxItems }), rt));
      return page((b.roles?.role ?? []).map(roleSummary), b.isTruncated, b.marker);
    },
    listAllRoles: () => followMarkers((marker) => gw.listRoles({ marker, maxItems: LIST_PAGE })),
    async getRole(roleName) {
      const b = await call((rt) => client.getRoleWithOptions(new $Ram.GetRoleRequest({ roleName }), rt));
      return role(b.role);
    },
    async createRole(input) {
      const req = new $Ram.CreateRoleRequest({
        roleName: input.roleName,
        assumeRolePolicyDocument: input.assumeRolePolicyDocument,
        description: input.description,
        maxSessionDuration: input.maxSessionDuration,
      });
      const b = await call((rt) => client.createRoleWithOptions(req, rt));
      return { ...role(b.role), ...rid(b) };
    },
    async updateRoleTrust(roleName, doc) {
      const req = new $Ram.UpdateRoleRequest({ roleName, newAssumeRolePolicyDocument: doc });
      const b = await call((rt) => client.updateRoleWithOptions(req, rt));
      return { ...role(b.role), ...rid(b) };
    },
    // RAM 2015-05-01 has the operation, the SDK 1.2.x no method: called as the SDK calls the others.
    async createServiceLinkedRole(serviceName) {
      const params = new $OpenApiUtil.Params({ action: "CreateServiceLinkedRole", version: "2015-05-01", protocol: cfg.protocol, pathname: "/", method: "POST", authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json" });
      const b = await call<{ requestId?: string; role?: RoleModel }>(async (rt) => {
        const res = (await client.callApi(params, new $OpenApiUtil.OpenApiRequest({ query: { ServiceName: serviceName } }), rt)) as { body?: { RequestId?: string; Role?: Record<string, unknown> } };
        const r = res.body?.Role ?? {};
        return { body: { requestId: res.body?.RequestId, role: { roleId: r.RoleId as string, roleName: r.RoleName as string, arn: r.Arn as string, description: r.Description as string, maxSessionDuration: r.MaxSessionDuration as number, createDate: r.CreateDate as string, updateDate: r.UpdateDate as string, assumeRolePolicyDocument: r.AssumeRolePolicyDocument as string } } };
      });
      return { ...role(b.role), ...rid(b) };
    },
    async deleteRole(roleName) {
      return rid(await call((rt) => client.deleteRoleWithOptions(new $Ram.DeleteRoleRequest({ roleName }), rt)));
    },

    async listPoliciesForRole(roleName) {
      const b = await call((rt) => client.listPoliciesForRoleWithOptions(new $Ram.ListPoliciesForRoleRequest({ roleName }), rt));
      return (b.policies?.policy ?? []).map(attached);
    },
    async listPoliciesForUser(userName) {
      const b = await call((rt) => client.listPoliciesForUserWithOptions(new $Ram.ListPoliciesForUserRequest({ userName }), rt));
      return (b.policies?.policy ?? []).map(attached);
    },
    async listPolicies(o) {
      const req = new $Ram.ListPoliciesRequest({ policyType: o?.policyType, marker: o?.marker, maxItems: o?.maxItems });
      const b = await call((rt) => client.listPoliciesWithOptions(req, rt));
      return page((b.policies?.policy ?? []).map(policySummary), b.isTruncated, b.marker);
    },
    listAllPolicies: (policyType_) => followMarkers((marker) => gw.listPolicies({ policyType: policyType_, marker, maxItems: LIST_PAGE })),
    async getPolicy(policyName, type): Promise<Policy> {
      const b = await call((rt) => client.getPolicyWithOptions(new $Ram.GetPolicyRequest({ policyName, policyType: type }), rt));
      const p: PolicyModel = b.policy ?? {};
      return { ...policySummary(p), policyDocument: s(p.policyDocument ?? b.defaultPolicyVersion?.policyDocument) };
    },
    async getPolicyVersion(policyName, type, versionId) {
      const req = new $Ram.GetPolicyVersionRequest({ policyName, policyType: type, versionId });
      return version((await call((rt) => client.getPolicyVersionWithOptions(req, rt))).policyVersion);
    },
    async listPolicyVersions(policyName, type) {
      const req = new $Ram.ListPolicyVersionsRequest({ policyName, policyType: type });
      const b = await call((rt) => client.listPolicyVersionsWithOptions(req, rt));
      return (b.policyVersions?.policyVersion ?? []).map(version);
    },
    async createPolicy(input) {
      const req = new $Ram.CreatePolicyRequest({ policyName: input.policyName, policyDocument: input.policyDocument, description: input.description });
      const b = await call((rt) => client.createPolicyWithOptions(req, rt));
      return { ...policySummary(b.policy ?? {}), ...rid(b) };
    },
    async createPolicyVersion(input) {
      const req = new $Ram.CreatePolicyVersionRequest({
        policyName: input.policyName,
        policyDocument: input.policyDocument,
        setAsDefault: input.setAsDefault,
      });
      const b = await call((rt) => client.createPolicyVersionWithOptions(req, rt));
      return { ...version(b.policyVersion), ...rid(b) };
    },
    // Not cascading unless asked: a policy still attached fails with DeleteConflict rather than silently detaching.
    async deletePolicy(policyName: string, opts?: { cascade?: boolean }) {
      const req = new $Ram.DeletePolicyRequest({ policyName, cascadingDelete: opts?.cascade === true });
      return rid(await call((rt) => client.deletePolicyWithOptions(req, rt)));
    },
    async attachPolicyToRole(i) {
      return rid(await call((rt) => client.attachPolicyToRoleWithOptions(new $Ram.AttachPolicyToRoleRequest(i), rt)));
    },
    async detachPolicyFromRole(i) {
      return rid(await call((rt) => client.detachPolicyFromRoleWithOptions(new $Ram.DetachPolicyFromRoleRequest(i), rt)));
    },
    async attachPolicyToUser(i) {
      return rid(await call((rt) => client.attachPolicyToUserWithOptions(new $Ram.AttachPolicyToUserRequest(i), rt)));
    },
    async detachPolicyFromUser(i) {
      return rid(await call((rt) => client.detachPolicyFromUserWithOptions(new $Ram.DetachPolicyFromUserRequest(i), rt)));
    },
    async listEntitiesForPolicy(policyName, type) {
      const req = new $Ram.ListEntitiesForPolicyRequest({ policyName, policyType: type });
      const b = await call((rt) => client.listEntitiesForPolicyWithOptions(req, rt));
      return {
        users: (b.users?.user ?? []).map((u) => ({ userId: s(u.userId), userName: s(u.userName), displayName: s(u.displayName), attachDate: s(u.attachDate) })),
        roles: (b.roles?.role ?? []).map((r) => ({ roleId: s(r.roleId), roleName: s(r.roleName), arn: s(r.arn), attachDate: s(r.attachDate) })),
        groups: (b.groups?.group ?? []).map((g) => ({ groupName: s(g.groupName), attachDate: s(g.attachDate) })),
      };
    },

    async listUsers(o) {
      const b = await call((rt) => client.listUsersWithOptions(new $Ram.ListUsersRequest({ marker: o?.marker, maxItems: o?.maxItems }), rt));
      return page((b.users?.user ?? []).map(user), b.isTruncated, b.marker);
    },
    listAllUsers: () => followMarkers((marker) => gw.listUsers({ marker, maxItems: LIST_PAGE })),
    async getUser(userName) {
      return user((await call((rt) => client.getUserWithOptions(new $Ram.GetUserRequest({ userName }), rt))).user);
    },
    async createUser(input) {
      const req = new $Ram.CreateUserRequest({ userName: input.userName, displayName: input.displayName, comments: input.comments });
      const b = await call((rt) => client.createUserWithOptions(req, rt));
      return { ...user(b.user), ...rid(b) };
    },

    async listGroups(o) {
      const b = await call((rt) => client.listGroupsWithOptions(new $Ram.ListGroupsRequest({ marker: o?.marker, maxItems: o?.maxItems }), rt));
      return page((b.groups?.group ?? []).map(group), b.isTruncated, b.marker);
    },
    async getGroup(groupName) {
      return group((await call((rt) => client.getGroupWithOptions(new $Ram.GetGroupRequest({ groupName }), rt))).group);
    },
    async createGroup(input) {
      const b = await call((rt) => client.createGroupWithOptions(new $Ram.CreateGroupRequest(input), rt));
      return { ...group(b.group), ...rid(b) };
    },
    async deleteGroup(groupName) {
      return rid(await call((rt) => client.deleteGroupWithOptions(new $Ram.DeleteGroupRequest({ groupName }), rt)));
    },
    async addUserToGroup(i) {
      return rid(await call((rt) => client.addUserToGroupWithOptions(new $Ram.AddUserToGroupRequest(i), rt)));
    },
    async removeUserFromGroup(i) {
      return rid(await call((rt) => client.removeUserFromGroupWithOptions(new $Ram.RemoveUserFromGroupRequest(i), rt)));
    },
    async listGroupsForUser(userName) {
      const b = await call((rt) => client.listGroupsForUserWithOptions(new $Ram.ListGroupsForUserRequest({ userName }), rt));
      return (b.groups?.group ?? []).map((g) => ({ ...group(g), joinDate: s(g.joinDate) }));
    },
    async listUsersForGroup(groupName, o) {
      const req = new $Ram.ListUsersForGroupRequest({ groupName, marker: o?.marker, maxItems: o?.maxItems });
      const b = await call((rt) => client.listUsersForGroupWithOptions(req, rt));
      const users = (b.users?.user ?? []).map((u) => ({ userName: s(u.userName), displayName: s(u.displayName), joinDate: s(u.joinDate) }));
      return page(users, b.isTruncated, b.marker);
    },
    async attachPolicyToGroup(i) {
      return rid(await call((rt) => client.attachPolicyToGroupWithOptions(new $Ram.AttachPolicyToGroupRequest(i), rt)));
    },
    async detachPolicyFromGroup(i) {
      return rid(await call((rt) => client.detachPolicyFromGroupWithOptions(new $Ram.DetachPolicyFromGroupRequest(i), rt)));
    },
    async listPoliciesForGroup(groupName) {
      const b = await call((rt) => client.listPoliciesForGroupWithOptions(new $Ram.ListPoliciesForGroupRequest({ groupName }), rt));
      return (b.policies?.policy ?? []).map(attached);
    },

    getCallerIdentity: () => sts.getCallerIdentity(),
    async decodeDiagnosticMessage(encodedDiagnosticMessage) {
      const b = await call((rt) => client.decodeDiagnosticMessageWithOptions(new $Ram.DecodeDiagnosticMessageRequest({ encodedDiagnosticMessage }), rt));
      return decoded(b.decodedDiagnosticMessage);
    },
  };
  return gw;
}
