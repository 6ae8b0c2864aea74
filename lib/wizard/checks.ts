import { evaluate } from "../policy/evaluate";
import type { Decision, NamedPolicy } from "../policy/types";
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

/** Which needs a role's policies cover, evaluated with lib/policy as RAM would. */
export function coverNeeds(needs: NeedChecks[], policies: NamedPolicy[]): NeedCoverage[] {
  return needs.map(({ id, kind, target, checks }) => {
    if (checks.length === 0) return { id, kind, target, state: "unchecked" };
    for (const c of checks) {
      const r = evaluate({ action: c.action, resource: c.resource }, policies);
      if (r.decision !== "Allow") return { id, kind, target, state: "gap", gap: { ...c, decision: r.decision } };
    }
    return { id, kind, target, state: "covered" };
  });
}
