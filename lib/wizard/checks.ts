import type { Decision, NamedPolicy } from "../policy/types";
import { checkNeeds } from "../readiness";
import type { RamCheck } from "../service-config/types";
import type { NeedChecks, NeedKind } from "./need-checks";

// Kept apart from need-checks.ts, which the setup's client components import: the policy
// evaluator runs on the server only, and stays out of the page's JavaScript.

export { needChecks, type NeedChecks } from "./need-checks";

export interface NeedCoverage {
  id: string;
  kind: NeedKind;
  target: string;
  /** "unchecked": a product the wizard has no checks for. */
  state: "covered" | "gap" | "unchecked";
  /** The first check the policies refuse. */
  gap?: RamCheck & { decision: Decision };
}

/** Which needs a role's policies cover: the same evaluation the readiness rows make of a deployed service's needs. */
export function coverNeeds(needs: NeedChecks[], policies: NamedPolicy[]): NeedCoverage[] {
  const results = checkNeeds(needs.map((n) => ({ kind: "oss-path", path: n.id, target: n.target, checks: n.checks })), policies);
  return needs.map(({ id, kind, target, checks }, i) => {
    if (checks.length === 0) return { id, kind, target, state: "unchecked" };
    const denied = results[i].denied;
    return denied ? { id, kind, target, state: "gap", gap: { action: denied.action, resource: denied.resource, decision: denied.decision } } : { id, kind, target, state: "covered" };
  });
}
