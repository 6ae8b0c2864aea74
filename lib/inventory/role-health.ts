import { EAS_SERVICE_PRINCIPAL, canAssume, lintPolicy, parsePolicy, trustedPrincipals } from "../policy";
import type { HealthIssue, RoleHealth, RoleMode, TrustPrincipalView } from "./types";

/** What one GetRole tells about a role, computed once per distinct role and shared by its services. */
export interface RoleFacts {
  exists: boolean;
  easCanAssume: boolean;
  principals: TrustPrincipalView[];
  /** Why the trust policy could not be read, when it could not. */
  trustError?: string;
  /** Lint errors of the trust policy, other than the EAS check reported on its own. */
  lintErrors: string[];
}

export const MISSING_ROLE: RoleFacts = { exists: false, easCanAssume: false, principals: [], lintErrors: [] };

export function roleFacts(assumeRolePolicyDocument: string): RoleFacts {
  const parsed = parsePolicy(assumeRolePolicyDocument, { kind: "trust" });
  if (!parsed.ok) {
    return { exists: true, easCanAssume: false, principals: [], trustError: parsed.errors.map((e) => e.message).join("; "), lintErrors: [] };
  }
  const trust = parsed.policy;
  const easCanAssume = canAssume(trust, { type: "Service", service: EAS_SERVICE_PRINCIPAL }).decision === "Allow";
  const lintErrors = lintPolicy(trust, { kind: "trust", usedByEas: true })
    .filter((f) => f.severity === "error" && f.code !== "TRUST_MISSING_EAS")
    .map((f) => f.message);
  const principals = trustedPrincipals(trust).map((p) => ({
    kind: p.kind,
    value: p.value,
    effect: p.effect,
    conditional: p.conditional,
    isEas: p.kind === "Service" && p.value === EAS_SERVICE_PRINCIPAL,
  }));
  return { exists: true, easCanAssume, principals, lintErrors };
}

export interface RoleUse {
  roleMode: RoleMode;
  roleName?: string;
  workspaceId?: string;
  /** The config mounts OSS through the PAI default role without metadata.workspace_id. */
  workspaceMissing?: boolean;
  configError?: string;
}

/** A service's role health: does its role exist, may EAS assume it, is its trust policy sound. */
export function serviceRoleHealth(use: RoleUse, facts: RoleFacts | undefined): RoleHealth {
  if (use.configError) return { state: "problem", issues: [{ code: "config-invalid", detail: [use.configError] }] };
  if (use.roleMode === "none" || !use.roleName) return { state: "none", issues: [] };
  const issues: HealthIssue[] = [];
  if (!facts || !facts.exists) {
    issues.push({ code: "role-missing", detail: [use.roleName] });
  } else if (use.roleMode === "custom") {
    // The PAI default role is a service-linked role whose trust PAI itself manages.
    if (facts.trustError) issues.push({ code: "trust-unreadable", detail: [facts.trustError] });
    else if (!facts.easCanAssume) issues.push({ code: "trust-lacks-eas" });
    if (facts.lintErrors.length > 0) issues.push({ code: "lint-errors", detail: facts.lintErrors });
  }
  // The PAI default role reaches OSS only for a service that names its workspace.
  if (use.roleMode === "default" && use.workspaceMissing) issues.push({ code: "no-workspace-id" });
  return { state: issues.length > 0 ? "problem" : "ok", issues };
}
