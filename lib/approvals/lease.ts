import "server-only";
import type { PassRoleRequestRecord } from "../db/types";
import { AppError } from "../errors/app-error";
import type { ApprovalDeps } from "./deps";

// Work on a request that calls the cloud (granting, removing a policy) is leased to one console
// process at a time, so replicas sharing the store never run the same plan side by side; a
// lease that runs out (its process died) is free for another to take over.

export function takeLease(deps: ApprovalDeps) {
  const now = deps.now();
  return {
    guard: { lease: { owner: deps.worker, now: now.toISOString() } },
    hold: { leaseOwner: deps.worker, leaseUntil: new Date(now.getTime() + deps.leaseMs).toISOString() },
    release: { leaseOwner: null, leaseUntil: null },
  };
}

/** For steps after the decision: another writer having moved the request on is not the caller's failure. */
export async function orCurrent(deps: ApprovalDeps, id: string, step: Promise<PassRoleRequestRecord>): Promise<PassRoleRequestRecord> {
  try {
    return await step;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "conflict") throw err;
    const current = await deps.stores.passRoleRequests.find(id);
    if (!current) throw err;
    return current;
  }
}
