import { conditionsHold } from "./conditions";
import { compilePolicy } from "./compile";
import type { EvaluationRequest, EvaluationResult, NamedPolicy, StatementMatch } from "./types";

export interface EvaluateOptions {
  /**
   * Trust-policy mode: the resource is the role itself, so Resource is not consulted, and a
   * statement without a Principal trusts nobody.
   */
  trust?: boolean;
}

/**
 * RAM's decision for one request against a set of policies: default deny, and an explicit
 * Deny in any policy beats every Allow. Every statement is visited so that `matched` lists
 * all deciding statements and `missingContextKeys` all keys the conditions asked for.
 *
 * A statement whose conditions depend on a key missing from the context (see conditionsHold)
 * does not decide: the decision is the one the other statements give, and when such a statement
 * could change it (a Deny that might apply, or an Allow where nothing else allows) the result
 * says `dependsOnMissingKeys`, so that a person is not shown a confident answer RAM's documents
 * do not support.
 */
export function evaluate(req: EvaluationRequest, policies: NamedPolicy[], opts?: EvaluateOptions): EvaluationResult {
  const action = typeof req.action === "string" ? req.action.toLowerCase() : "";
  const resource = typeof req.resource === "string" ? req.resource : "";
  const trust = opts?.trust === true;
  const missing: string[] = [];
  const allows: StatementMatch[] = [];
  const denies: StatementMatch[] = [];
  let undecidedDeny = false;
  let undecidedAllow = false;
  for (let p = 0; p < policies.length; p++) {
    const policy = policies[p];
    const candidates = compilePolicy(policy.document).byAction(action);
    for (let i = 0; i < candidates.length; i++) {
      const st = candidates[i];
      if (trust) {
        if (!st.principal || !st.principal(req.principal)) continue;
      } else {
        if (st.resource && st.resource(resource) === st.notResource) continue;
        if (st.principal && !st.principal(req.principal)) continue;
      }
      const holds = st.conditions.length > 0 ? conditionsHold(st.conditions, req.context, missing) : true;
      if (holds === undefined) {
        if (st.effect === "Deny") undecidedDeny = true;
        else undecidedAllow = true;
        continue;
      }
      if (!holds) continue;
      (st.effect === "Deny" ? denies : allows).push({ policy: policy.name, statementIndex: st.index, effect: st.effect });
    }
  }
  const depends = { dependsOnMissingKeys: true } as const;
  if (denies.length > 0) return { decision: "ExplicitDeny", matched: denies, missingContextKeys: missing };
  if (allows.length > 0) return { decision: "Allow", matched: allows, missingContextKeys: missing, ...(undecidedDeny ? depends : {}) };
  return { decision: "ImplicitDeny", matched: [], missingContextKeys: missing, ...(undecidedDeny || undecidedAllow ? depends : {}) };
}
