import "server-only";
import type { Actor } from "../actor";
import { toAppError } from "../errors/from";
import { previewPlan, type WritePlan } from "../writes/plan";
import { runPlan, type PlanOutcome } from "../writes/run-plan";
import type { ApprovalDeps } from "./deps";

type StepFailure = { code: string; message: string; requestId?: string };

export interface OwnPlanResult {
  outcome?: PlanOutcome;
  failure?: StepFailure;
  requestIds: string[];
}

/**
 * Runs a plan the workflow made itself: the approval (or the revoke) is the confirmation, so it
 * confirms its own preview. A refusal before any call (read-only, permission) comes back as a
 * failure for the request to record. Anything else is thrown, and the request stays where it
 * was persisted: the start-up reconciliation finishes it from what the cloud holds.
 */
export async function runOwnPlan(deps: ApprovalDeps, actor: Actor, plan: WritePlan): Promise<OwnPlanResult> {
  try {
    const outcome = await runPlan(deps.writes, actor, plan, { token: previewPlan(plan).token });
    const failed = outcome.steps.find((s) => s.state === "failed");
    const failure = failed?.error ? { code: failed.error.code, message: failed.error.message, ...(failed.requestId ? { requestId: failed.requestId } : {}) } : undefined;
    return { outcome, failure, requestIds: outcome.requestIds };
  } catch (err) {
    const known = toAppError(err);
    if (known && (known.code === "read_only" || known.code === "forbidden")) return { failure: { code: known.code, message: known.message }, requestIds: [] };
    throw err;
  }
}
