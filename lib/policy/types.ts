// The public shapes of the policy engine. Pure data: safe on the server, in the browser and
// in the emulator.

export type Effect = "Allow" | "Deny";

/** A JSON path into a policy document, e.g. `Statement[1].Condition.DateLessThan`. */
export type JsonPath = string;

export interface PrincipalBlock {
  RAM?: string[];
  Service?: string[];
  Federated?: string[];
}

/** Condition operator → context key → accepted values (always arrays after parsing). */
export type ConditionBlock = Record<string, Record<string, string[]>>;

export interface Statement {
  Effect: Effect;
  Action?: string[];
  NotAction?: string[];
  Resource?: string[];
  NotResource?: string[];
  Principal?: PrincipalBlock;
  Condition?: ConditionBlock;
  Sid?: string;
}

export interface PolicyDocument {
  Version: "1";
  Statement: Statement[];
}

export type PolicyKind = "permission" | "trust";

export interface PolicyError {
  path: JsonPath;
  /** Stable machine code, e.g. `Statement.Effect.Invalid`. */
  code: string;
  message: string;
}

export type ParseResult =
  | { ok: true; policy: PolicyDocument; errors: [] }
  | { ok: false; policy?: undefined; errors: PolicyError[] };

/** Who makes a request. `account` is the account id the principal belongs to. */
export type Principal =
  | { type: "RAMUser"; account: string; name: string }
  | { type: "RAMRole"; account: string; name: string }
  | { type: "Root"; account: string }
  | { type: "Service"; service: string }
  | { type: "Federated"; provider: string };

/** Context values by key (`acs:CurrentTime`, `acs:SourceIp`, `acs:Service`, …). */
export type RequestContext = Record<string, string | string[] | boolean | number | undefined>;

export interface EvaluationRequest {
  principal?: Principal;
  action: string;
  resource: string;
  context?: RequestContext;
}

/** A named policy handed to `evaluate`. */
export interface NamedPolicy {
  name: string;
  type?: "System" | "Custom" | "Inline" | "Trust" | "Session";
  document: PolicyDocument;
}

export interface StatementMatch {
  policy: string;
  statementIndex: number;
  effect: Effect;
}

export type Decision = "Allow" | "ExplicitDeny" | "ImplicitDeny";

export interface EvaluationResult {
  decision: Decision;
  /** The statements whose effect produced the decision (deny statements for ExplicitDeny). */
  matched: StatementMatch[];
  missingContextKeys: string[];
  /**
   * Set when a statement that could change the decision depends on a key in
   * `missingContextKeys`: `decision` is then what the other statements give, not RAM's answer.
   */
  dependsOnMissingKeys?: true;
}

export type LintSeverity = "error" | "security-warning" | "warning" | "suggestion";

/** What a finding's message is filled with (`policy.lint.<CODE>` in the console's catalogs). */
export type LintValues = Record<string, string | number>;

/** A finding as codes and values: the console words it in the reader's language (components/policy/lint-message). */
export interface LintFinding {
  code: string;
  severity: LintSeverity;
  path: JsonPath;
  values: LintValues;
}

export interface LintOptions {
  kind?: PolicyKind;
  /** The role is (or will be) attached to an EAS service: its trust must name eas.pai.aliyuncs.com. */
  usedByEas?: boolean;
  now?: Date;
}

type StatementChangeKind = "added" | "removed" | "changed";

export interface StatementChange {
  kind: StatementChangeKind;
  beforeIndex?: number;
  afterIndex?: number;
  /** For Allow statements: broadened = grants more; for Deny statements: broadened = denies more. */
  direction: "broadened" | "narrowed" | "mixed" | "neutral";
  summary: string;
}

export interface PolicyDiff {
  changes: StatementChange[];
  grantsMore: boolean;
}
