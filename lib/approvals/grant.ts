import "server-only";
import type { Actor } from "../actor";
import type { PassRoleRequestRecord } from "../db/types";
import type { ApprovalDeps } from "./deps";
import { orCurrent, takeLease, applyTransition } from "./transition";
import { planGrant, planRemoval } from "./plans";
import { toAppError } from "../errors/from";
import { previewPlan, type WritePlan } from "../writes/plan";
import { runPlan, type PlanOutcome } from "../writes/run-plan";

/** What the grant's cloud calls did, for a caller that answers with them (an admin's fix). */
export type OnGrantRun = (outcome: PlanOutcome) => void;

/** approved → granting (persisted, leased to this process) → the cloud calls → granted | failed. */
export async function grantApproved(deps: ApprovalDeps, actor: Actor, approved: PassRoleRequestRecord, onRun?: OnGrantRun): Promise<PassRoleRequestRecord> {
  const lease = takeLease(deps);
  let granting: PassRoleRequestRecord;
  try {
    granting = await applyTransition(deps, actor, approved, "startGrant", { guard: lease.guard, change: lease.hold });
  } catch (err) {
    // Another process won the step: it does the grant, and this one reports where it stands.
    return orCurrent(deps, approved.id, Promise.reject(err));
  }
  return finishGrant(deps, actor, granting, onRun);
}

/**
 * For a request in `granting` that this process holds: runs the grant plan (each step skipped
 * when the account already holds it, so a second run never repeats a call), then records the end.
 */
export async function finishGrant(deps: ApprovalDeps, actor: Actor, r: PassRoleRequestRecord, onRun?: OnGrantRun): Promise<PassRoleRequestRecord> {
  const plan = planGrant({ ...r, policyDocument: r.policyDocument ?? "" });
  const { outcome, failure, requestIds } = await runOwnPlan(deps, actor, plan);
  if (outcome) onRun?.(outcome);
  const lease = takeLease(deps);
  const at = deps.now().toISOString();
  if (outcome?.ok) {
    return orCurrent(
      deps,
      r.id,
      applyTransition(deps, actor, r, "completeGrant", {
        guard: lease.guard,
        change: { grantRequestIds: requestIds, grantedAt: at, failure: null, ...lease.release },
        requestIds,
        detail: { policyName: r.policyName, expiresAt: r.expiresAt, steps: outcome.steps.map((s) => `${s.operation}:${s.state}`) },
      }),
    );
  }
  // The policy is this request's when its step made it or found this exact document: take it away again.
  const created = outcome?.steps.some((s) => s.id === "create-policy" && (s.state === "done" || s.state === "skipped")) ?? false;
  const failed = await orCurrent(
    deps,
    r.id,
    applyTransition(deps, actor, r, "failGrant", {
      guard: lease.guard,
      change: { grantRequestIds: requestIds, failure: failure ?? null, endedAt: at, removal: created ? "pending" : "none", ...(created ? lease.hold : lease.release) },
      outcome: "failure",
      requestIds,
      detail: { error: failure?.code, steps: outcome?.steps.map((s) => `${s.operation}:${s.state}`) ?? [] },
    }),
  );
  return created && failed.state === "failed" ? removePolicy(deps, actor, failed) : failed;
}

type StepFailure = { code: string; message: string; requestId?: string };

interface OwnPlanResult {
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
async function runOwnPlan(deps: ApprovalDeps, actor: Actor, plan: WritePlan): Promise<OwnPlanResult> {
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

/**
 * Detaches and deletes the request's policy (revoked, expired, or a grant that failed half-way),
 * then records whether that is done. The plan's own audit entry carries the RequestIds; a failed
 * removal stays `failed` and the sweeper tries again.
 */
export async function removePolicy(deps: ApprovalDeps, actor: Actor, r: PassRoleRequestRecord): Promise<PassRoleRequestRecord> {
  const { outcome, failure, requestIds } = await runOwnPlan(deps, actor, planRemoval(r));
  const lease = takeLease(deps);
  const done = outcome?.ok === true;
  const updated = await deps.stores.passRoleRequests.update(
    r.id,
    { states: [r.state], removal: ["pending", "failed"], lease: lease.guard.lease },
    {
      removal: done ? "done" : "failed",
      removalRequestIds: [...r.removalRequestIds, ...requestIds],
      // A failed grant keeps the failure that ended it; otherwise the failure shown is the removal's.
      ...(r.state === "failed" ? {} : { failure: done ? null : (failure ?? null) }),
      ...lease.release,
    },
    deps.now().toISOString(),
  );
  return updated ?? (await deps.stores.passRoleRequests.find(r.id)) ?? r;
}
