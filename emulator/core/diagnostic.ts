// The EncodedDiagnosticMessage of a refused call, and its decoding.
//
// Field names follow RAM's DecodeDiagnosticMessage reference (RAM 2015-05-01,
// https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-decodediagnosticmessage)
// and the official SDK's models (aliyun/alibabacloud-typescript-sdk, ram-20150501/src/models/
// DecodeDiagnosticMessageResponseBody.ts): DecodedDiagnosticMessage { AuthAction, AuthResource,
// AuthPrincipal { AuthPrincipalType, AuthPrincipalOwnerId, AuthPrincipalDisplayName }, AuthConditions
// [{ ConditionKey, ConditionValues }], ExplicitDeny, NoPermissionPolicyType, MatchedPolicies [{ Effect,
// PolicyIdentifier, PolicyType, PolicyVersion, AttachedEntityType, AttachedScope }] }.
//
// The message is opaque to clients, as RAM's is: AES-256-GCM under a key this process draws at start,
// so a client can neither read nor forge one, and a message from an earlier run no longer decodes.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export type NoPermissionPolicyType =
  | "AssumeRolePolicy"
  | "ControlPolicy"
  | "AccountLevelIdentityBasedPolicy"
  | "ResourceGroupLevelIdentityBasedPolicy"
  | "SessionPolicy";

export interface MatchedPolicyWire {
  Effect?: "Allow" | "Deny";
  PolicyIdentifier: string;
  PolicyType: string;
  PolicyVersion?: string;
  AttachedEntityType: string;
  AttachedScope: string;
}

export interface DecodedDiagnosticMessage {
  AuthAction: string;
  AuthResource: string;
  AuthPrincipal: { AuthPrincipalType: string; AuthPrincipalOwnerId: string; AuthPrincipalDisplayName: string };
  AuthConditions: { ConditionKey: string; ConditionValues: string[] }[];
  ExplicitDeny: boolean;
  NoPermissionPolicyType: NoPermissionPolicyType;
  MatchedPolicies: MatchedPolicyWire[];
}

const VERSION = 1;
const KEY = randomBytes(32);
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Seals what the decision saw; the account travels inside, so only that account may decode it. */
export function sealDiagnostic(account: string, decoded: DecodedDiagnosticMessage): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", KEY, iv);
  const plain = Buffer.from(JSON.stringify({ a: account, d: decoded }), "utf8");
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]).toString("base64");
}

/** The sealed account and message, or undefined for anything this emulator did not seal (or that was altered). */
export function openDiagnostic(message: string): { account: string; decoded: DecodedDiagnosticMessage } | undefined {
  const raw = Buffer.from(message.trim(), "base64");
  if (raw.length <= 1 + IV_BYTES + TAG_BYTES || raw[0] !== VERSION) return undefined;
  const iv = raw.subarray(1, 1 + IV_BYTES);
  const tag = raw.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv("aes-256-gcm", KEY, iv);
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(raw.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    const parsed = JSON.parse(plain.toString("utf8")) as { a: string; d: DecodedDiagnosticMessage };
    return { account: parsed.a, decoded: parsed.d };
  } catch {
    return undefined;
  }
}
