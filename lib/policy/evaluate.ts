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
 */
export function evaluate(req: EvaluationRequest, policies: NamedPolicy[], opts?: EvaluateOptions): EvaluationResult {
  const action = typeof req.action === "string" ? req.action.toLowerCase() : "";
  const resource = typeof req.resource === "string" ? req.resource : "";
  const trust = opts?.trust === true;
  const missing: string[] = [];
  const allows: StatementMatch[] = [];
  const denies: StatementMatch[] = [];
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
      if (st.conditions.length > 0 && !conditionsHold(st.conditions, req.context, missing)) continue;
      (st.effect === "Deny" ? denies : allows).push({ policy: policy.name, statementIndex: st.index, effect: st.effect });
    }
  }
  if (denies.length > 0) return { decision: "ExplicitDeny", matched: denies, missingContextKeys: missing };
  if (allows.length > 0) return { decision: "Allow", matched: allows, missingContextKeys: missing };
  return { decision: "ImplicitDeny", matched: [], missingContextKeys: missing };
}
