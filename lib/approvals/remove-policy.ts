import "server-only";
import type { Actor } from "../actor";
import type { PassRoleRequestRecord } from "../db/types";
import type { ApprovalDeps } from "./deps";
import { takeLease } from "./lease";
import { planRemoval } from "./plans";
import { runOwnPlan } from "./run-safely";

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
