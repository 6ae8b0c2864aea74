import { NEW_SERVICE_NAME_PATTERN } from "../service-config/names";

// The naming rules of RAM, OSS, MaxCompute and EAS that the wizards check before anything is
// generated or sent. Each rule has a stable key; its words live in the message catalog
// (`wizard.rules.<key>`), so the page and the API say the same thing.

export const RULE_PATTERNS = {
  region: /^[a-z]{2,}-[a-z0-9-]+$/,
  // OSS: 3–63 characters, lowercase letters, digits and hyphens, starting and ending with a letter or digit.
  bucketName: /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/,
  ossPrefix: /^(?:[^/\s][^\s]{0,1022})?$/,
  // MaxCompute: starts with a letter; letters, digits and underscores; 3–28 characters.
  projectName: /^[A-Za-z][A-Za-z0-9_]{2,27}$/,
  mountPath: /^\/[A-Za-z0-9._/-]{0,254}$/,
  roleName: /^[A-Za-z0-9.-]{1,64}$/,
  policyName: /^[A-Za-z0-9-]{1,128}$/,
  userName: /^[A-Za-z0-9._@-]{1,64}$/,
  // EAS documents no format for a workspace id (PAI's own API examples show both "12345" and
  // "ws123456"): this only keeps out what cannot be one, such as spaces, quotes or a pasted URL.
  // Whether the id is one of this account's, the wizard asks of the region's services instead.
  workspaceId: /^[A-Za-z0-9_-]{1,64}$/,
  serviceName: NEW_SERVICE_NAME_PATTERN,
  otherProduct: /^[A-Za-z0-9 ()._/-]{1,64}$/,
  codePath: /^\/[A-Za-z0-9._/-]{0,254}\.py$/,
} as const;

export type RuleKey =
  | keyof typeof RULE_PATTERNS
  | "required"
  | "ossPath"
  | "nasServer"
  | "image"
  | "imagePaiPublic"
  | "regionNotServed"
  | "duplicate"
  | "descriptionLength"
  | "roleTaken"
  | "policyTaken"
  | "policyTooLong"
  | "systemPolicyMissing"
  | "userMissing";

/** One problem with one field: `oss[1].bucket` breaks `bucketName`. */
export interface FieldIssue {
  field: string;
  rule: RuleKey;
}

export const MAX_DESCRIPTION = 1024;

export function checkPattern(field: string, value: string, rule: keyof typeof RULE_PATTERNS, opts: { required?: boolean } = {}): FieldIssue[] {
  if (value === "") return opts.required === false ? [] : [{ field, rule: "required" }];
  return RULE_PATTERNS[rule].test(value) ? [] : [{ field, rule }];
}
