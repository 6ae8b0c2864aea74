import { codeAccessDenied } from "./checks-needs";
import { RULES } from "./rules";
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

export interface HealthIssue {
  code: HealthCode;
  /** What one fix acts on, shared by the services one fix heals. */
  subject?: string;
  detail?: string[];
}

/** "none": the service has no RAM role and nothing is wrong, so there is no health to judge. */
export interface RoleHealth {
  state: "ok" | "problem" | "none";
  issues: HealthIssue[];
}

export function serviceHealth(facts: DiagnosisFacts, diagnosis?: Diagnosis): RoleHealth {
  if (facts.use.configError) return { state: "problem", issues: [{ code: "CONFIG_INVALID", detail: [facts.use.configError] }] };
  const issues: HealthIssue[] = [];
  const cause = diagnosis?.cause;
  if (diagnosis?.cleared) issues.push({ code: "REDEPLOY_PENDING", detail: [diagnosis.event?.reason ?? ""] });
  else if (cause && cause.code !== "NONE") issues.push({ code: cause.code, ...(cause.subject ? { subject: cause.subject } : {}), detail: cause.detail ?? [diagnosis.event?.reason ?? ""] });
  for (const rule of RULES) {
    if (!rule.check || issues.some((i) => i.code === rule.code)) continue;
    const found = rule.check(facts);
    if (found) issues.push({ code: rule.code, ...(found.subject ? { subject: found.subject } : {}), ...(found.detail ? { detail: found.detail } : {}) });
  }
  const code = codeAccessDenied(facts);
  if (code) issues.push({ code: "NEED_DENIED", subject: code.subject, detail: code.detail });
  const lint = facts.use.roleMode === "custom" && facts.role?.exists ? facts.role.lintErrors : [];
  if (lint.length > 0) issues.push({ code: "TRUST_LINT", subject: facts.use.roleName, detail: lint });
  if (facts.unread) issues.push({ code: "FACTS_UNREAD", detail: facts.unread.map((e) => (e.requestId ? `${e.code} (RequestId: ${e.requestId})` : e.code)) });
  return { state: issues.length > 0 ? "problem" : facts.use.roleMode === "none" ? "none" : "ok", issues };
}
