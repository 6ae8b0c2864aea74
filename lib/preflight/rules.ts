import { buildPassRolePolicy } from "../policy/builders";
import type { Evidence } from "../readiness/evidence";
import { readinessRule, type ReadinessRuleId } from "../readiness/rules";
import { leastPrivilegePolicy, systemPolicyCovering } from "../wizard/policies";
import type { FieldRule } from "../errors/render";
import type { PreflightFacts } from "./facts";

// The preflight rule table: each stable code with its severity and the facts that raise it.
// The document's own rules (is it JSON, how many role ARNs) are preflight's; whether the role
// will work is the readiness rows' answer (lib/readiness), each in preflight's public code.
// Messages and fixes live in the catalog (`preflight.findings.<CODE>`), filled from `values`.

export type Severity = "error" | "warning" | "info";
/** A value a message is filled with; a field rule is worded in the reader's language as the finding is. */
type Values = Record<string, string | number | FieldRule>;

export interface Draft {
  path: string;
  values: Values;
}

export interface PreflightRule {
  code: string;
  severity: Severity;
  find(f: PreflightFacts): Draft[];
}

const one = (cond: boolean, draft: () => Draft): Draft[] => (cond ? [draft()] : []);
/** What a readiness row finds for the config about to be deployed, if it holds. */
const ask = (f: PreflightFacts, id: ReadinessRuleId) => (f.readiness ? readinessRule(id).check(f.readiness) : undefined);
type NeedEvidence = Extract<Evidence, { kind: "need" }>;
const NEED_ROWS: ReadinessRuleId[] = ["mounts-covered", "image-pulls-covered", "code-access-covered"];
const json = (v: unknown) => JSON.stringify(v);
/** `nas-mount` → `nasMount`: ICU select keys may not hold hyphens. */
const selectKey = (kind: string) => kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

export const PREFLIGHT_RULES = [
  {
    code: "CONFIG_NOT_JSON",
    severity: "error",
    find: (f) => (f.read.kind === "not-json" ? [{ path: "", values: { error: f.read.error } }] : []),
  },
  {
    code: "CONFIG_NOT_OBJECT",
    severity: "error",
    find: (f) => (f.read.kind === "not-object" ? [{ path: "", values: { type: f.read.type } }] : []),
  },
  {
    code: "CONFIG_INVALID",
    severity: "error",
    find: (f) => (f.read.kind === "invalid" ? [{ path: f.read.path, values: { field: f.read.field, rule: f.read.rule } }] : []),
  },
  {
    code: "ROLE_ARN_MULTIPLE",
    severity: "error",
    find: (f) => (f.arn?.kind === "multiple" ? [{ path: f.arn.path, values: { arns: f.arn.arns.join(", ") } }] : []),
  },
  {
    code: "ROLE_ARN_MALFORMED",
    severity: "error",
    find: (f) => (f.arn?.kind === "malformed" ? [{ path: f.arn.path, values: { value: f.arn.value, accountId: f.accountId ?? "<uid>" } }] : []),
  },
  {
    code: "ROLE_ARN_WITHOUT_ENABLE_RAM_ROLE",
    severity: "warning",
    find: (f) => one(f.read.kind === "ok" && f.arn !== undefined && f.arn.kind !== "none" && f.read.config.options?.enable_ram_role !== true, () => ({ path: "options.enable_ram_role", values: {} })),
  },
  {
    code: "ROLE_ARN_OTHER_ACCOUNT",
    severity: "error",
    find: (f) => (f.arn?.kind === "one" && f.arn.account !== f.accountId ? [{ path: f.arn.path, values: { account: f.arn.account, accountId: f.accountId ?? "", role: f.arn.roleName } }] : []),
  },
  {
    code: "ROLE_NOT_FOUND",
    severity: "error",
    find: (f) => {
      const found = ask(f, "role-exists");
      const missing = found?.evidence.find((e) => e.kind === "role-missing");
      return f.arn?.kind === "one" && missing?.reason === "not-found" ? [{ path: f.arn.path, values: { role: f.arn.roleName, requestId: missing.cloud?.requestId ?? "" } }] : [];
    },
  },
  {
    code: "TRUST_MISSING_EAS",
    severity: "error",
    find: (f) =>
      f.arn?.kind === "one" && ask(f, "trust-admits-eas") && f.trust && !f.trust.allowed
        ? [{ path: f.arn.path, values: { role: f.arn.roleName, reason: f.trust.reason, statement: f.trust.statement ?? -1, detail: f.trust.detail ?? "" } }]
        : [],
  },
  {
    code: "DEFAULT_ROLE_MISSING",
    severity: "error",
    find: (f) => one(ask(f, "default-role-exists") !== undefined, () => ({ path: "options.enable_ram_role", values: {} })),
  },
  {
    code: "WORKSPACE_ID_MISSING",
    severity: "error",
    find: (f) => one(f.method === "default" && ask(f, "workspace-for-oss") !== undefined, () => ({ path: "metadata.workspace_id", values: {} })),
  },
  {
    code: "DEFAULT_ROLE_SCOPE",
    severity: "error",
    find: (f) =>
      f.method !== "default"
        ? []
        : (f.analysis?.needs ?? []).filter((n) => n.kind === "nas-mount" || n.kind === "image-pull").map((n) => ({ path: n.path, values: { need: selectKey(n.kind), target: n.target } })),
  },
  {
    code: "NEED_NOT_COVERED",
    severity: "error",
    // Under Method 1 the PAI default role's scope is DEFAULT_ROLE_SCOPE's to say.
    find: (f) =>
      f.method !== "custom" || f.readiness?.use.roleMode !== "custom"
        ? []
        : NEED_ROWS.flatMap((id) => ask(f, id)?.evidence ?? [])
            .filter((e): e is NeedEvidence => e.kind === "need")
            .map((e) => {
              const checks = f.readiness!.use.needs.find((n) => n.path === e.need.path)?.checks ?? [{ action: e.action, resource: e.resource }];
              return {
                path: e.need.path,
                values: {
                  need: selectKey(e.need.kind),
                  target: e.need.target,
                  action: e.action,
                  resource: e.resource,
                  role: f.arn?.kind === "one" ? f.arn.roleName : "",
                  decision: e.decision,
                  denyPolicy: e.decision === "ExplicitDeny" ? (e.deciding?.policy ?? "") : "",
                  policy: systemPolicyCovering(e.action) ?? "",
                  statement: json(leastPrivilegePolicy([{ id: e.need.path, kind: "other", target: e.need.target, checks }])!.Statement),
                },
              };
            }),
  },
  {
    code: "PASSROLE_MISSING",
    severity: "error",
    find: (f) => {
      const found = ask(f, "pass-role");
      return f.arn?.kind === "one" && found ? [{ path: f.arn.path, values: { user: String(found.values.user), role: f.arn.roleName, policy: json(buildPassRolePolicy(f.arn.roleName, { accountId: f.accountId })) } }] : [];
    },
  },
  {
    code: "NO_RAM_ROLE",
    severity: "info",
    find: (f) => one(f.read.kind === "ok" && f.method === "none", () => ({ path: "options.enable_ram_role", values: {} })),
  },
] as const satisfies readonly PreflightRule[];

export type PreflightCode = (typeof PREFLIGHT_RULES)[number]["code"];
export const PREFLIGHT_CODES: readonly PreflightCode[] = PREFLIGHT_RULES.map((r) => r.code);
