import { evaluate } from "./evaluate";
import { asList } from "./lists";
import { principalSchema } from "./schemas";
import type { Effect, EvaluationResult, PolicyDocument, Principal, RequestContext } from "./types";

/**
 * May `principal` assume the role whose trust policy is `trust` (sts:AssumeRole)? This is the
 * role's side only: a RAM user or role trusted through `acs:ram::<uid>:root` must also hold
 * sts:AssumeRole in its own policies, which the caller checks with `evaluate`.
 */
export function canAssume(trust: PolicyDocument, principal: Principal, context?: RequestContext): EvaluationResult {
  if (!principalSchema.safeParse(principal).success) return { decision: "ImplicitDeny", matched: [], missingContextKeys: [] };
  return evaluate(
    { principal, action: "sts:AssumeRole", resource: "*", context },
    [{ name: "AssumeRolePolicy", type: "Trust", document: trust }],
    { trust: true },
  );
}

export interface TrustedPrincipal {
  kind: "Service" | "RAM" | "Federated";
  value: string;
  effect: Effect;
  statementIndex: number;
  conditional: boolean;
}

/** Every principal a trust policy names, in document order, for drawing the trust graph. */
export function trustedPrincipals(trust: PolicyDocument): TrustedPrincipal[] {
  const out: TrustedPrincipal[] = [];
  const statements = Array.isArray(trust?.Statement) ? trust.Statement : [];
  statements.forEach((s, statementIndex) => {
    if (!s?.Principal) return;
    const conditional = s.Condition !== undefined && Object.keys(s.Condition).length > 0;
    for (const kind of ["Service", "RAM", "Federated"] as const) {
      for (const value of asList(s.Principal[kind])) out.push({ kind, value, effect: s.Effect, statementIndex, conditional });
    }
  });
  return out;
}
