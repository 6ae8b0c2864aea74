import type { Locale } from "@/i18n/config";
import { READINESS_RULES } from "../readiness/rules";
import { configProblemText, type ConfigProblem } from "../service-config";
import type { CauseCode, Diagnosis, DiagnosisFacts } from "./types";

// A service's health in the lists: the cause a diagnosis lands for a failed deployment first,
// then whatever else the account shows would fail it (the same rows of the same table), then
// what is worth a look although it fails nothing yet.

export type HealthCode =
  | CauseCode
  /** The failure's cause is gone from the account; a redeploy should bring the service up. */
  | "REDEPLOY_PENDING"
  /** An oss:// address the code reads that the role may not read. */
  | "NEED_DENIED"
  /** Lint errors in the trust policy other than the missing EAS principal. */
  | "TRUST_LINT"
  | "CONFIG_INVALID"
  /** Part of the account could not be read, so the service is not fully checked. */
  | "FACTS_UNREAD";

interface HealthIssue {
  code: HealthCode;
  /** What one fix acts on, shared by the services one fix heals. */
  subject?: string;
  detail?: string[];
  /** CONFIG_INVALID's reason, kept to be worded in each reader's language (`wordHealth`). */
  problem?: ConfigProblem;
}

/** "none": the service has no RAM role and nothing is wrong, so there is no health to judge. */
export interface RoleHealth {
  state: "ok" | "problem" | "none";
  issues: HealthIssue[];
}

export function serviceHealth(facts: DiagnosisFacts, diagnosis?: Diagnosis): RoleHealth {
  if (facts.use.configError) {
    const problem = facts.use.configProblem;
    return { state: "problem", issues: [{ code: "CONFIG_INVALID", detail: [facts.use.configError], ...(problem ? { problem } : {}) }] };
  }
  const issues: HealthIssue[] = [];
  const cause = diagnosis?.cause;
  if (diagnosis?.cleared) issues.push({ code: "REDEPLOY_PENDING", detail: [diagnosis.event?.reason ?? ""] });
  else if (cause && cause.code !== "NONE") issues.push({ code: cause.code, ...(cause.subject ? { subject: cause.subject } : {}), detail: cause.detail ?? [diagnosis.event?.reason ?? ""] });
  // The readiness rows, as for a deployment about to be made: what would fail it, and what its code will meet.
  for (const rule of READINESS_RULES) {
    const code = rule.health as HealthCode;
    if (issues.some((i) => i.code === code)) continue;
    const found = rule.check(facts);
    if (found) issues.push({ code, ...(found.subject ? { subject: found.subject } : {}), ...(found.detail ? { detail: found.detail } : {}) });
  }
  const lint = facts.use.roleMode === "custom" && facts.role?.exists ? facts.role.lintErrors : [];
  if (lint.length > 0) issues.push({ code: "TRUST_LINT", subject: facts.use.roleName, detail: lint });
  if (facts.unread) issues.push({ code: "FACTS_UNREAD", detail: facts.unread.map((e) => (e.requestId ? `${e.code} (RequestId: ${e.requestId})` : e.code)) });
  return { state: issues.length > 0 ? "problem" : facts.use.roleMode === "none" ? "none" : "ok", issues };
}

/**
 * The health as a reader of `locale` sees it: an unreadable config's reason in their language.
 * The aggregates are cached once for every reader, so the wording is done as each answer leaves.
 */
export function wordHealth(health: RoleHealth, locale: Locale): RoleHealth {
  if (!health.issues.some((i) => i.problem)) return health;
  return { ...health, issues: health.issues.map(({ problem, ...i }) => (problem ? { ...i, detail: [configProblemText(locale, problem)] } : i)) };
}
