import { buildPassRolePolicy } from "../policy/builders";
import { leastPrivilegePolicy, systemPolicyCovering } from "../wizard/policies";
import type { PreflightFacts } from "./facts";

// The preflight rule table: each stable code with its severity and the facts that raise it.
// Messages and fixes live in the catalog (`preflight.findings.<CODE>`), filled from `values`.

export type Severity = "error" | "warning" | "info";
export type Values = Record<string, string | number>;

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
    find: (f) => (f.read.kind === "invalid" ? [{ path: f.read.path, values: { error: f.read.error } }] : []),
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
    find: (f) => (f.arn?.kind === "one" && f.role && !f.role.exists ? [{ path: f.arn.path, values: { role: f.arn.roleName, requestId: f.role.missing?.requestId ?? "" } }] : []),
  },
  {
    code: "TRUST_MISSING_EAS",
    severity: "error",
    find: (f) =>
      f.arn?.kind === "one" && f.trust && !f.trust.allowed
        ? [{ path: f.arn.path, values: { role: f.arn.roleName, reason: f.trust.reason, statement: f.trust.statement ?? -1, detail: f.trust.detail ?? "" } }]
        : [],
  },
  {
    code: "DEFAULT_ROLE_MISSING",
    severity: "error",
    find: (f) => one(f.method === "default" && f.defaultRole?.exists === false, () => ({ path: "options.enable_ram_role", values: {} })),
  },
  {
    code: "WORKSPACE_ID_MISSING",
    severity: "error",
    // The same need the diagnosis reads: any OSS location, a mount or an address the code reads.
    find: (f) => one(f.method === "default" && (f.analysis?.needs ?? []).some((n) => n.kind === "workspace-id" && n.satisfied === false), () => ({ path: "metadata.workspace_id", values: {} })),
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
    find: (f) =>
      f.needs
        .filter((r) => !r.allowed && r.denied)
        .map((r) => ({
          path: r.need.path,
          values: {
            need: selectKey(r.need.kind),
            target: r.need.target,
            action: r.denied!.action,
            resource: r.denied!.resource,
            role: f.arn?.kind === "one" ? f.arn.roleName : "",
            decision: r.denied!.decision,
            denyPolicy: r.denied!.decision === "ExplicitDeny" ? (r.denied!.deciding[0]?.policy ?? "") : "",
            policy: systemPolicyCovering(r.denied!.action) ?? "",
            statement: json(leastPrivilegePolicy([{ id: r.need.path, kind: "other", target: r.need.target, checks: r.need.checks }])!.Statement),
          },
        })),
  },
  {
    code: "PASSROLE_MISSING",
    severity: "error",
    find: (f) =>
      f.arn?.kind === "one" && f.deployer && !f.deployer.passRole.allowed
        ? [{ path: f.arn.path, values: { user: f.deployer.userName, role: f.arn.roleName, policy: json(buildPassRolePolicy(f.arn.roleName)) } }]
        : [],
  },
  {
    code: "NO_RAM_ROLE",
    severity: "info",
    find: (f) => one(f.read.kind === "ok" && f.method === "none", () => ({ path: "options.enable_ram_role", values: {} })),
  },
] as const satisfies readonly PreflightRule[];

export type PreflightCode = (typeof PREFLIGHT_RULES)[number]["code"];
export const PREFLIGHT_CODES: readonly PreflightCode[] = PREFLIGHT_RULES.map((r) => r.code);
