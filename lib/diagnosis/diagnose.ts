import { isCrashed, isOomKilled } from "./explain-event";
import type { Finding } from "../readiness/finding";
import { RULES, type CauseRule } from "./rules";
import { FAILING_STATUSES, IN_PROGRESS_STATUSES, matches, stageOf } from "./stages";
import type { Basis, DeployEvent, Diagnosis, DiagnosisFacts, InstanceState } from "./types";

export interface DiagnosisInput {
  /** The service's EAS status. */
  status: string;
  /** What EAS said of the deployment: the service's Reason and Message while it has failed. */
  event?: DeployEvent;
  facts: DiagnosisFacts;
  /** ListServiceInstances, when it was read (a single service's diagnosis; never the list). */
  instances?: InstanceState[];
}

const NO_WORDS: DeployEvent = { type: "Warning", reason: "", message: "" };

function landed(status: string, event: DeployEvent, rule: CauseRule, found: Finding, basis: Basis): Diagnosis {
  return {
    status,
    basis,
    event,
    cause: { code: rule.code, values: found.values, ...(found.subject ? { subject: found.subject } : {}), ...(found.detail ? { detail: found.detail } : {}), evidence: [{ kind: "event", event }, ...found.evidence] },
    fixes: found.fixes,
    advice: found.advice ?? [],
  };
}

/**
 * The cause of a failed deployment, state first and text second. When the event's Reason (or,
 * failing that, its Message) names the stage that failed, the account's facts name the cause
 * within it (`state+event`), or the event alone does where nothing in RAM holds it (`event`).
 * When the words name no stage, the state decides alone (`state`): the instances' exit codes and
 * restarts, then the readiness rows in the order the platform meets them. Otherwise `UNKNOWN`,
 * with the platform's own words as they are.
 */
export function diagnose({ status, event, facts, instances }: DiagnosisInput): Diagnosis {
  // Pending instances the scheduler calls Unschedulable are state: no room, whatever the words say.
  const unschedulable = (instances ?? []).length > 0 && (instances ?? []).every((i) => i.reason === "Unschedulable");
  const stage = (event ? stageOf(event) : undefined) ?? (unschedulable ? "schedule" : undefined);
  const crashed = (instances ?? []).filter(isCrashed);
  // Waiting is a failure only when the scheduler says there is no room; else it is a queue.
  const failed = FAILING_STATUSES.has(status) && (event !== undefined || crashed.length > 0) && (status !== "Waiting" || stage === "schedule");
  if (!failed) {
    const none: Diagnosis = { status, basis: "state", cause: { code: "NONE", values: { status }, evidence: [] }, fixes: [], advice: [] };
    if (!IN_PROGRESS_STATUSES.has(status)) return none;
    // Under way: the account's rows, in the platform's order, say how it will end.
    for (const rule of RULES) {
      const found = rule.check?.(facts);
      if (found) return { ...none, deploying: { predicted: { code: rule.code, values: found.values, ...(found.subject ? { subject: found.subject } : {}) } } };
    }
    return { ...none, deploying: {} };
  }
  const said = event ?? NO_WORDS;
  if (stage) {
    for (const rule of RULES) {
      if (rule.stage !== stage || (rule.when && !rule.when.some((p) => matches(p, said)) && !(rule.code === "OOM_KILLED" && crashed.some(isOomKilled)))) continue;
      const found = rule.check ? rule.check(facts) : rule.explain?.(said, facts, instances);
      if (!found) continue;
      const fromState = rule.check !== undefined || (stage === "run" && crashed.length > 0) || (stage === "schedule" && unschedulable);
      if (fromState && event && !stageOf(event)) return landed(status, said, rule, found, "state");
      return landed(status, said, rule, found, fromState ? "state+event" : "event");
    }
  } else if (status === "Failed") {
    // The words name nothing known: what the instances and the account show is all there is.
    const run = crashed.length > 0 ? RULES.find((r) => r.code === (crashed.some(isOomKilled) ? "OOM_KILLED" : "INSTANCE_CRASH")) : undefined;
    if (run?.explain) return landed(status, said, run, run.explain(said, facts, instances), "state");
    for (const rule of RULES) {
      const found = rule.check?.(facts);
      if (found) return landed(status, said, rule, found, "state");
    }
  }
  // A known stage whose cause the account no longer shows was fixed since: it needs a redeploy.
  // Not when part of the account went unread: the cause may be in what could not be read.
  const cleared = stage !== undefined && !facts.unread;
  return {
    status,
    basis: "event",
    event: said,
    cause: { code: "UNKNOWN", values: { reason: said.reason, message: said.message, stage: stage ?? "" }, evidence: [{ kind: "event", event: said }] },
    ...(cleared ? { cleared } : {}),
    fixes: [],
    advice: cleared ? [{ id: "redeploy" }] : [],
  };
}
