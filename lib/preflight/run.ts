import { DEFAULT_LOCALE, type Locale } from "@/i18n/config";
import { requirePermission, type Actor } from "../actor";
import type { InventoryDeps } from "../inventory/deps";
import type { RoleMode } from "../service-config";
import { accountReader, gatherPreflightFacts, type PreflightFacts, type PreflightInput } from "./facts";
import { formatFinding, type Finding } from "./format";
import { PREFLIGHT_RULES } from "./rules";

export interface PreflightAnswer {
  method: RoleMode;
  roleArn: string | null;
  findings: Finding[];
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** The findings the rule table raises from the facts, worst first, worded in `locale` (pure). */
export function evaluatePreflight(facts: PreflightFacts, locale: Locale = DEFAULT_LOCALE): PreflightAnswer {
  const findings = PREFLIGHT_RULES.flatMap((rule) => rule.find(facts).map((d) => formatFinding(rule.code, rule.severity, d, locale)));
  findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const roleArn = facts.method === "custom" ? (facts.arn?.kind === "one" ? facts.arn.arn : null) : facts.method === "default" ? (facts.defaultRole?.arn ?? null) : null;
  return { method: facts.method, roleArn, findings };
}

/** A config with no finding of severity error is ready to deploy. */
export const isReady = (a: PreflightAnswer) => a.findings.every((f) => f.severity !== "error");

/** Checks a service config against the account: what `POST /api/preflight` and `npm run preflight` answer. */
export async function runPreflight(deps: InventoryDeps, actor: Actor, input: PreflightInput, locale: Locale = DEFAULT_LOCALE): Promise<PreflightAnswer> {
  requirePermission(actor, "inventory:read");
  return evaluatePreflight(await gatherPreflightFacts(accountReader(deps), input), locale);
}
