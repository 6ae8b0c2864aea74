// RAM's state: plain JSON, so that persistence is one JSON.stringify. Keys of the maps are
// lower-cased names, because RAM treats role, user, group and policy names case-insensitively.
import { createHash } from "node:crypto";
import type { PolicyType } from "../../lib/cloud/types";

export interface Attachment {
  policyType: PolicyType;
  policyName: string;
  attachDate: string;
}

export interface WireTag {
  TagKey: string;
  TagValue: string;
}

export interface RoleRecord {
  roleId: string;
  roleName: string;
  arn: string;
  description: string;
  assumeRolePolicyDocument: string;
  maxSessionDuration: number;
  createDate: string;
  updateDate: string;
  tags: WireTag[];
  /** Service-linked roles cannot be deleted through DeleteRole. */
  serviceLinked?: boolean;
  policies: Attachment[];
}

export interface UserRecord {
  userId: string;
  userName: string;
  displayName: string;
  email: string;
  mobilePhone: string;
  comments: string;
  createDate: string;
  updateDate: string;
  lastLoginDate?: string;
  policies: Attachment[];
}

export interface GroupMember {
  userName: string;
  joinDate: string;
}

export interface GroupRecord {
  groupId: string;
  groupName: string;
  comments: string;
  createDate: string;
  updateDate: string;
  policies: Attachment[];
  members: GroupMember[];
}

export interface PolicyVersionRecord {
  versionId: string;
  document: string;
  createDate: string;
}

export interface CustomPolicyRecord {
  policyName: string;
  description: string;
  createDate: string;
  updateDate: string;
  defaultVersion: string;
  versions: PolicyVersionRecord[];
  nextVersion: number;
  tags: WireTag[];
}

export interface AccessKeyRecord {
  accessKeyId: string;
  accessKeySecret: string;
  /** Absent for the account's root key. */
  userName?: string;
}

export interface StsCredentialRecord {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  /** ISO date. */
  expiration: string;
  roleName: string;
  roleId: string;
  sessionName: string;
  /** The AssumeRole session policy, intersected with the role's policies. */
  sessionPolicy?: string;
}

export interface RamState {
  accountId: string;
  roles: Record<string, RoleRecord>;
  users: Record<string, UserRecord>;
  groups: Record<string, GroupRecord>;
  policies: Record<string, CustomPolicyRecord>;
  accessKeys: Record<string, AccessKeyRecord>;
  sts: Record<string, StsCredentialRecord>;
  /** Source of role and user ids, so that seeds are reproducible. */
  nextId: number;
}

export function emptyRamState(accountId: string, rootKey: AccessKeyRecord): RamState {
  return {
    accountId,
    roles: {},
    users: {},
    groups: {},
    policies: {},
    accessKeys: { [rootKey.accessKeyId]: rootKey },
    sts: {},
    nextId: 1,
  };
}

export const keyOf = (name: string) => name.toLowerCase();

/**
 * A role's ARN as RAM writes it in every answer: the name in lower case, whatever the case of
 * RoleName (`acs:ram::<uid>:role/aliyuncsdefaultrole` for `AliyunCSDefaultRole`).
 */
export const ramRoleArn = (accountId: string, roleName: string) => `acs:ram::${accountId}:role/${keyOf(roleName)}`;

export function nextRoleId(s: RamState): string {
  return `3${String(s.nextId++).padStart(18, "0")}`.replace(/^3(0{4})/, "3172");
}

export function nextUserId(s: RamState): string {
  return `2${String(s.nextId++).padStart(15, "0")}`.replace(/^2(0{4})/, "2088");
}

const GROUP_ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** `g-` and 16 letters and digits, like `g-FpMEHiMysofp1a2b`; derived from the id counter so seeds are reproducible. */
export function nextGroupId(s: RamState): string {
  const digest = createHash("sha256").update(`${s.accountId}:group:${s.nextId++}`).digest();
  return `g-${[...digest.subarray(0, 16)].map((b) => GROUP_ID_ALPHABET[b % GROUP_ID_ALPHABET.length]).join("")}`;
}
