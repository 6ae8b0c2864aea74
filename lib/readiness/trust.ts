import { EAS_SERVICE_PRINCIPAL, canAssume, lintPolicy, parsePolicy, trustedPrincipals, type PolicyDocument, type Statement } from "../policy";

// Whether EAS may assume a role, in one place: what a role's trust policy says (read once per
// role: may EAS assume it, whom it trusts, what is wrong with it besides), and why not.

export interface TrustPrincipalView {
  kind: "Service" | "RAM" | "Federated";
  value: string;
  effect: "Allow" | "Deny";
  conditional: boolean;
  isEas: boolean;
}

/** What one GetRole tells about a role, computed once per distinct role and shared by its services. */
export interface RoleFacts {
  exists: boolean;
  easCanAssume: boolean;
  principals: TrustPrincipalView[];
  /** Why the trust policy could not be read, when it could not. */
  trustError?: string;
  /** Codes of the trust policy's lint errors (stable in every language), other than the EAS check reported on its own. */
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
    .map((f) => f.code);
  const principals = trustedPrincipals(trust).map((p) => ({
    kind: p.kind,
    value: p.value,
    effect: p.effect,
    conditional: p.conditional,
    isEas: p.kind === "Service" && p.value === EAS_SERVICE_PRINCIPAL,
  }));
  return { exists: true, easCanAssume, principals, lintErrors };
}

// Why a trust policy does or does not let eas.pai.aliyuncs.com assume the role, decided by
// lib/policy's evaluator: an explicit Deny, a condition EAS's request does not meet, an Action
// that is not sts:AssumeRole, or no statement naming EAS at all.

type TrustReason = "deny" | "condition" | "action" | "principal" | "unreadable";

export type TrustVerdict = { allowed: true } | { allowed: false; reason: TrustReason; statement?: number; detail?: string };

const EAS = { type: "Service", service: EAS_SERVICE_PRINCIPAL } as const;
const allows = (s: Statement) => canAssume({ Version: "1", Statement: [s] } as PolicyDocument, EAS).decision === "Allow";

export function explainTrust(document: string): TrustVerdict {
  const parsed = parsePolicy(document, { kind: "trust" });
  if (!parsed.ok) return { allowed: false, reason: "unreadable", detail: parsed.errors.map((e) => e.message).join("; ") };
  const trust = parsed.policy;
  const result = canAssume(trust, EAS);
  if (result.decision === "Allow") return { allowed: true };
  if (result.decision === "ExplicitDeny") return { allowed: false, reason: "deny", statement: result.matched[0]?.statementIndex };
  for (const [i, s] of trust.Statement.entries()) {
    if (s.Effect !== "Allow") continue;
    const bare: Statement = { ...s, Condition: undefined };
    if (!allows({ ...bare, Action: ["sts:AssumeRole"], NotAction: undefined })) continue;
    if (!allows(bare)) return { allowed: false, reason: "action", statement: i };
    return { allowed: false, reason: "condition", statement: i, detail: Object.values(s.Condition ?? {}).flatMap((keys) => Object.keys(keys)).join(", ") };
  }
  return { allowed: false, reason: "principal" };
}
