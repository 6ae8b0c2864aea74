import "server-only";
import type { Actor } from "../actor";
import type { PassRoleRequestRecord } from "../db/types";
import type { ApprovalDeps } from "./deps";
import { orCurrent, takeLease } from "./lease";
import { planGrant } from "./plans";
import { removePolicy } from "./remove-policy";
import { runOwnPlan } from "./run-safely";
import { applyTransition } from "./transition";

/** approved → granting (persisted, leased to this process) → the cloud calls → granted | failed. */
export async function grantApproved(deps: ApprovalDeps, actor: Actor, approved: PassRoleRequestRecord): Promise<PassRoleRequestRecord> {
  const lease = takeLease(deps);
  let granting: PassRoleRequestRecord;
  try {
    granting = await applyTransition(deps, actor, approved, "startGrant", { guard: lease.guard, change: lease.hold });
  } catch (err) {
    // Another process won the step: it does the grant, and this one reports where it stands.
    return orCurrent(deps, approved.id, Promise.reject(err));
  }
  return finishGrant(deps, actor, granting);
}

/**
 * For a request in `granting` that this process holds: runs the grant plan (each step skipped
 * when the account already holds it, so a second run never repeats a call), then records the end.
 */
export async function finishGrant(deps: ApprovalDeps, actor: Actor, r: PassRoleRequestRecord): Promise<PassRoleRequestRecord> {
  const plan = planGrant({ ...r, policyDocument: r.policyDocument ?? "" });
  const { outcome, failure, requestIds } = await runOwnPlan(deps, actor, plan);
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
