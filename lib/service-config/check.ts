import { evaluate } from "../policy/evaluate";
import type { Decision, NamedPolicy, StatementMatch } from "../policy/types";
import type { RamCheck, ServiceNeed } from "./types";

interface CheckResult extends RamCheck {
  allowed: boolean;
  decision: Decision;
  /** The statements that decided (none for an implicit deny). */
  deciding: StatementMatch[];
}

export interface NeedResult {
  need: ServiceNeed;
  allowed: boolean;
  checks: CheckResult[];
  /** The first check that failed, which is what the platform reports. */
  denied?: CheckResult;
}

/** Evaluates every RAM check of every need against the role's policies, with lib/policy. */
export function checkNeeds(needs: ServiceNeed[], policies: NamedPolicy[]): NeedResult[] {
  return needs.map((need) => {
    const checks = need.checks.map((c): CheckResult => {
      const r = evaluate({ action: c.action, resource: c.resource }, policies);
      return { ...c, allowed: r.decision === "Allow", decision: r.decision, deciding: r.matched };
    });
    const denied = checks.find((c) => !c.allowed);
    const allowed = denied === undefined && need.satisfied !== false;
    return { need, allowed, checks, ...(denied ? { denied } : {}) };
  });
}
