// RAM as the console sees it: the gateway interface and the shapes it returns.
import type { Page, Tag, WriteResult } from "./common";

export type PolicyType = "System" | "Custom";

export interface RoleSummary {
  roleId: string;
  roleName: string;
  arn: string;
  description: string;
  maxSessionDuration: number;
  createDate: string;
  updateDate?: string;
  tags?: Tag[];
}

export interface Role extends RoleSummary {
  /** The trust policy, as the JSON string RAM stores. */
  assumeRolePolicyDocument: string;
}

export interface AttachedPolicy {
  policyName: string;
  policyType: PolicyType;
  description: string;
  defaultVersion: string;
  attachDate: string;
}

export interface PolicySummary {
  policyName: string;
  policyType: PolicyType;
  description: string;
  defaultVersion: string;
  attachmentCount: number;
  createDate: string;
  updateDate?: string;
}

export interface Policy extends PolicySummary {
  /** The default version's document, as a JSON string. */
  policyDocument: string;
}

export interface PolicyVersion {
  versionId: string;
  isDefaultVersion: boolean;
  policyDocument: string;
  createDate: string;
}

export interface RamUser {
  userId: string;
  userName: string;
  displayName: string;
  email?: string;
  comments?: string;
  createDate: string;
  updateDate?: string;
  lastLoginDate?: string;
}

export interface RamGroup {
  groupId: string;
  groupName: string;
  comments: string;
  createDate: string;
  updateDate?: string;
}

export interface GroupMember {
  userName: string;
  displayName: string;
  joinDate: string;
}

interface PolicyEntities {
  users: { userId: string; userName: string; displayName: string; attachDate: string }[];
  roles: { roleId: string; roleName: string; arn: string; attachDate: string }[];
  groups: { groupName: string; attachDate: string }[];
}

export interface CallerIdentity {
  accountId: string;
  arn: string;
  identityType: string;
  principalId: string;
  userId?: string;
  roleId?: string;
}

/** RAM DecodeDiagnosticMessage's DecodedDiagnosticMessage (RAM 2015-05-01), in the SDK's camelCase. */
export interface DecodedDiagnostic {
  authAction: string;
  authResource: string;
  authPrincipal: { authPrincipalType: string; authPrincipalOwnerId: string; authPrincipalDisplayName: string };
  authConditions: { conditionKey: string; conditionValues: string[] }[];
  explicitDeny: boolean;
  /** AssumeRolePolicy, ControlPolicy, AccountLevelIdentityBasedPolicy, ResourceGroupLevelIdentityBasedPolicy or SessionPolicy. */
  noPermissionPolicyType: string;
  matchedPolicies: {
    effect?: string;
    policyIdentifier: string;
    policyType: string;
    policyVersion?: string;
    attachedEntityType: string;
    attachedScope: string;
  }[];
}

export interface RamGateway {
  listRoles(opts?: { marker?: string; maxItems?: number }): Promise<Page<RoleSummary>>;
  /** Follows Marker until the list is complete. */
  listAllRoles(): Promise<RoleSummary[]>;
  getRole(roleName: string): Promise<Role>;
  createRole(input: {
    roleName: string;
    assumeRolePolicyDocument: string;
    description?: string;
    maxSessionDuration?: number;
  }): Promise<Role & WriteResult>;
  updateRoleTrust(roleName: string, assumeRolePolicyDocument: string): Promise<Role & WriteResult>;
  /** CreateServiceLinkedRole: the role a cloud service defines for itself (PAI-EAS: `eas.pai.aliyuncs.com`). */
  createServiceLinkedRole(serviceName: string): Promise<Role & WriteResult>;
  deleteRole(roleName: string): Promise<WriteResult>;

  listPoliciesForRole(roleName: string): Promise<AttachedPolicy[]>;
  listPoliciesForUser(userName: string): Promise<AttachedPolicy[]>;
  listPolicies(opts?: { policyType?: PolicyType; marker?: string; maxItems?: number }): Promise<Page<PolicySummary>>;
  listAllPolicies(policyType?: PolicyType): Promise<PolicySummary[]>;
  getPolicy(policyName: string, policyType: PolicyType): Promise<Policy>;
  getPolicyVersion(policyName: string, policyType: PolicyType, versionId: string): Promise<PolicyVersion>;
  listPolicyVersions(policyName: string, policyType: PolicyType): Promise<PolicyVersion[]>;
  createPolicy(input: { policyName: string; policyDocument: string; description?: string }): Promise<PolicySummary & WriteResult>;
  createPolicyVersion(input: { policyName: string; policyDocument: string; setAsDefault?: boolean }): Promise<PolicyVersion & WriteResult>;
  deletePolicy(policyName: string): Promise<WriteResult>;
  attachPolicyToRole(input: { policyName: string; policyType: PolicyType; roleName: string }): Promise<WriteResult>;
  detachPolicyFromRole(input: { policyName: string; policyType: PolicyType; roleName: string }): Promise<WriteResult>;
  attachPolicyToUser(input: { policyName: string; policyType: PolicyType; userName: string }): Promise<WriteResult>;
  detachPolicyFromUser(input: { policyName: string; policyType: PolicyType; userName: string }): Promise<WriteResult>;
  listEntitiesForPolicy(policyName: string, policyType: PolicyType): Promise<PolicyEntities>;

  listUsers(opts?: { marker?: string; maxItems?: number }): Promise<Page<RamUser>>;
  listAllUsers(): Promise<RamUser[]>;
  getUser(userName: string): Promise<RamUser>;
  createUser(input: { userName: string; displayName?: string; comments?: string }): Promise<RamUser & WriteResult>;

  listGroups(opts?: { marker?: string; maxItems?: number }): Promise<Page<RamGroup>>;
  getGroup(groupName: string): Promise<RamGroup>;
  createGroup(input: { groupName: string; comments?: string }): Promise<RamGroup & WriteResult>;
  deleteGroup(groupName: string): Promise<WriteResult>;
  addUserToGroup(input: { groupName: string; userName: string }): Promise<WriteResult>;
  removeUserFromGroup(input: { groupName: string; userName: string }): Promise<WriteResult>;
  listGroupsForUser(userName: string): Promise<(RamGroup & { joinDate: string })[]>;
  listUsersForGroup(groupName: string, opts?: { marker?: string; maxItems?: number }): Promise<Page<GroupMember>>;
  attachPolicyToGroup(input: { policyName: string; policyType: PolicyType; groupName: string }): Promise<WriteResult>;
  detachPolicyFromGroup(input: { policyName: string; policyType: PolicyType; groupName: string }): Promise<WriteResult>;
  listPoliciesForGroup(groupName: string): Promise<AttachedPolicy[]>;

  getCallerIdentity(): Promise<CallerIdentity>;
  /** What RAM's decision saw behind a refused call's EncodedDiagnosticMessage. */
  decodeDiagnosticMessage(encodedDiagnosticMessage: string): Promise<DecodedDiagnostic>;
}
