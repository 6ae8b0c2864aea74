import "server-only";
import { SYSTEM_ACTOR } from "../actor";
import type { PassRoleRequestRecord } from "../db/types";
import type { ApprovalDeps } from "./deps";
import { finishGrant, grantApproved } from "./grant";
import { takeLease } from "./lease";
import { removePolicy } from "./remove-policy";

// What a console that stopped (or crashed) mid-way left behind, finished from what the cloud
// holds: an approval whose grant never started, a grant cut off between its calls, a policy
// that a revoke, an expiry or a failed grant did not manage to remove. Only requests whose lease
// has run out are touched, so a replica never takes over work another one is still doing.

const BATCH = 100;

export interface ReconcileSummary {
  granted: number;
  failed: number;
  removed: number;
  removalFailed: number;
}

export async function reconcileRequests(deps: ApprovalDeps): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = { granted: 0, failed: 0, removed: 0, removalFailed: 0 };
  if (deps.writes.readOnly) return summary;
  const store = deps.stores.passRoleRequests;
  const count = (r: PassRoleRequestRecord) => {
    if (r.state === "granted") summary.granted++;
    if (r.state === "failed") summary.failed++;
    if (r.removal === "done") summary.removed++;
    if (r.removal === "failed") summary.removalFailed++;
  };
  const free = () => deps.now().toISOString();

  for (const r of (await store.list({ states: ["approved"], leaseFreeAt: free(), limit: BATCH })).requests) {
    count(await grantApproved(deps, SYSTEM_ACTOR, r));
  }
  for (const r of (await store.list({ states: ["granting"], leaseFreeAt: free(), limit: BATCH })).requests) {
    const lease = takeLease(deps);
    const taken = await store.update(r.id, { states: ["granting"], version: r.version, lease: { now: free() } }, lease.hold, free());
    if (taken) count(await finishGrant(deps, SYSTEM_ACTOR, taken));
  }
  for (const r of (await store.list({ states: ["revoked", "expired", "failed"], removal: ["pending", "failed"], leaseFreeAt: free(), limit: BATCH })).requests) {
    const lease = takeLease(deps);
    const taken = await store.update(r.id, { states: [r.state], removal: ["pending", "failed"], lease: { now: free() } }, lease.hold, free());
    if (taken) count(await removePolicy(deps, SYSTEM_ACTOR, taken));
  }
  return summary;
}
