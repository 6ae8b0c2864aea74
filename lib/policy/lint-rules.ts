import type { LintSeverity } from "./types";

// Graded as AWS IAM Access Analyzer grades its checks: error = the policy is invalid or will
// not work; security-warning = grants more than it likely should; warning = works, but not as
// the author probably meant; suggestion = tidy-up with no effect on access.
export const LINT_RULES = {
  PARSE_ERROR: { severity: "error", description: "The document breaks the RAM policy grammar or a size limit." },
  VERSION_NOT_1: { severity: "error", description: 'Version must be the string "1".' },
  UNKNOWN_CONDITION_OPERATOR: { severity: "error", description: "A condition uses an operator RAM does not know." },
  TRUST_MISSING_EAS: { severity: "error", description: "The role is meant for EAS but its trust policy does not let eas.pai.aliyuncs.com assume it." },
  ACTION_STAR: { severity: "security-warning", description: 'An Allow statement grants every action ("*").' },
  PASSROLE_ANY_RESOURCE: { severity: "security-warning", description: "ram:PassRole is allowed on every role; name the roles instead." },
  ASSUMEROLE_ANY_RESOURCE: { severity: "security-warning", description: "sts:AssumeRole is allowed on every role; name the roles instead." },
  ALLOW_WITH_NOT_ACTION: { severity: "security-warning", description: "Allow with NotAction grants every action not listed, including future ones." },
  ALLOW_WITH_NOT_RESOURCE: { severity: "security-warning", description: "Allow with NotResource grants every resource not listed, including future ones." },
  TRUST_ACCOUNT_ROOT: { severity: "warning", description: "The trust policy trusts a whole account: any of its RAM users or roles holding sts:AssumeRole can assume the role." },
  SERVICE_WILDCARD: { severity: "warning", description: "An Allow statement grants every action of a service (e.g. oss:*)." },
  SHADOWED_BY_DENY: { severity: "warning", description: "An Allow statement is fully covered by a Deny, so it never grants anything." },
  EXPIRED_CONDITION: { severity: "warning", description: "An acs:CurrentTime upper bound is already in the past, so the statement no longer applies." },
  REDUNDANT_STATEMENT: { severity: "suggestion", description: "A statement repeats, or is covered by, another with the same effect." },
  EMPTY_STATEMENT: { severity: "suggestion", description: "The policy has no statements, so it grants and denies nothing." },
} as const satisfies Record<string, { severity: LintSeverity; description: string }>;

export type LintCode = keyof typeof LINT_RULES;
