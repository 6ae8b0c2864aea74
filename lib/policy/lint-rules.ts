import type { LintSeverity } from "./types";

// Graded as AWS IAM Access Analyzer grades its checks: error = the policy is invalid or will
// not work; security-warning = grants more than it likely should; warning = works, but not as
// the author probably meant; suggestion = tidy-up with no effect on access. What each finding
// says is the console's catalogs' (`policy.lint.<CODE>`, filled from the finding's values), so
// this module stays free of prose and of any i18n library.
export const LINT_RULES = {
  PARSE_ERROR: { severity: "error" },
  VERSION_NOT_1: { severity: "error" },
  UNKNOWN_CONDITION_OPERATOR: { severity: "error" },
  TRUST_MISSING_EAS: { severity: "error" },
  ACTION_STAR: { severity: "security-warning" },
  PASSROLE_ANY_RESOURCE: { severity: "security-warning" },
  ASSUMEROLE_ANY_RESOURCE: { severity: "security-warning" },
  ALLOW_WITH_NOT_ACTION: { severity: "security-warning" },
  ALLOW_WITH_NOT_RESOURCE: { severity: "security-warning" },
  TRUST_ACCOUNT_ROOT: { severity: "warning" },
  SERVICE_WILDCARD: { severity: "warning" },
  SHADOWED_BY_DENY: { severity: "warning" },
  EXPIRED_CONDITION: { severity: "warning" },
  REDUNDANT_STATEMENT: { severity: "suggestion" },
  EMPTY_STATEMENT: { severity: "suggestion" },
} as const satisfies Record<string, { severity: LintSeverity }>;

export type LintCode = keyof typeof LINT_RULES;
