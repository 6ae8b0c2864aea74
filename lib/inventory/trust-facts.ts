import { EAS_SERVICE_PRINCIPAL, canAssume, lintPolicy, parsePolicy, trustedPrincipals } from "../policy";
import type { TrustPrincipalView } from "./types";

// What a role's trust policy says, read once per role: may EAS assume it, whom it trusts, and
// what is wrong with it besides.

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
