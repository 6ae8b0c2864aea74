import { evaluate } from "../policy/evaluate";
import type { EvaluationResult, NamedPolicy, Principal, RequestContext } from "../policy/types";

// One request as RAM would decide it for a principal, with the policies a person asked to leave
// out removed first ("what if this policy were detached?").

export interface SimulationRequest {
  action: string;
  resource: string;
  context?: Record<string, string | string[]>;
  exclude?: string[];
}

export interface SimulationAnswer extends EvaluationResult {
  matched: (EvaluationResult["matched"][number] & { group?: string })[];
}

export function simulateFor(principal: Principal, policies: NamedPolicy[], fromGroup: Record<string, string>, req: SimulationRequest): SimulationAnswer {
  const excluded = new Set(req.exclude ?? []);
  const kept = policies.filter((p) => !excluded.has(p.name));
  const result = evaluate({ principal, action: req.action, resource: req.resource, context: (req.context ?? {}) as RequestContext }, kept);
  return { ...result, matched: result.matched.map((m) => (fromGroup[m.policy] ? { ...m, group: fromGroup[m.policy] } : m)) };
}
