import { RULES } from "./rules";
import { FAILING_STATUSES, matches, stageOf } from "./stages";
import type { DeployEvent, Diagnosis, DiagnosisFacts } from "./types";

export interface DiagnosisInput {
  /** The service's EAS status. */
  status: string;
  /** What EAS said of the deployment: the service's Reason and Message while it has failed. */
  event?: DeployEvent;
  facts: DiagnosisFacts;
}

/** The cause of a failed deployment from the rule table, its evidence, and the fixes or pointers. */
export function diagnose({ status, event, facts }: DiagnosisInput): Diagnosis {
  const stage = event ? stageOf(event) : undefined;
  // Waiting is a failure only when the scheduler says there is no room; else it is a queue.
  const failed = event !== undefined && FAILING_STATUSES.has(status) && (status !== "Waiting" || stage === "schedule");
  if (!failed) return { status, cause: { code: "NONE", values: { status }, evidence: [] }, fixes: [], advice: [] };
  const said = { kind: "event", event } as const;
  for (const rule of RULES) {
    if (rule.stage !== stage || (rule.when && !rule.when.some((p) => matches(p, event)))) continue;
    const found = rule.check ? rule.check(facts) : rule.explain?.(event, facts);
    if (!found) continue;
    return {
      status,
      event,
      cause: { code: rule.code, values: found.values, ...(found.subject ? { subject: found.subject } : {}), ...(found.detail ? { detail: found.detail } : {}), evidence: [said, ...found.evidence] },
      fixes: found.fixes,
      advice: found.advice ?? [],
    };
  }
  // A known stage whose cause the account no longer shows was fixed since: it needs a redeploy.
  // Not when part of the account went unread: the cause may be in what could not be read.
  const cleared = stage !== undefined && !facts.unread;
  return {
    status,
    event,
    cause: { code: "UNKNOWN", values: { reason: event.reason, stage: stage ?? "" }, evidence: [said] },
    ...(cleared ? { cleared } : {}),
    fixes: [],
    advice: cleared ? [{ id: "redeploy" }] : [],
  };
}
