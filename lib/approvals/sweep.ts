import "server-only";
import { SYSTEM_ACTOR } from "../actor";
import { AppError } from "../errors/app-error";
import type { ApprovalDeps } from "./deps";
import { GRANT_DURATIONS, REMINDER_BEFORE_MS, wantsReminder } from "../request-workflow";
import { takeLease, applyTransition, publishEvent, recordEvent } from "./transition";
import { removePolicy, finishGrant, grantApproved } from "./grant";
import type { PassRoleRequestRecord } from "../db/types";
import { logUnexpected } from "../http/error-response";
import { processSingleton } from "../process-singleton";

// The console's own rounds. RAM stops honouring a time-bound grant at its expiry by itself (the
// DateLessThan condition); the sweep only tidies up after it: marks the request expired and
// removes the policy. A day before the end, the requester is reminded.

const BATCH = 100;

async function expireGrants(deps: ApprovalDeps): Promise<number> {
  if (deps.writes.readOnly) return 0;
  const now = deps.now().toISOString();
  const due = await deps.stores.passRoleRequests.list({ states: ["granted"], expiresBy: now, limit: BATCH });
  let expired = 0;
  for (const r of due.requests) {
    const lease = takeLease(deps);
    try {
      const ended = await applyTransition(deps, SYSTEM_ACTOR, r, "expire", {
        guard: { lease: { now } },
        change: { endedAt: now, removal: "pending", ...lease.hold },
        detail: { expiresAt: r.expiresAt },
      });
      expired++;
      await removePolicy(deps, SYSTEM_ACTOR, ended);
    } catch (err) {
      // Revoked or expired by someone else in the meantime.
      if (!(err instanceof AppError && err.code === "conflict")) throw err;
    }
  }
  return expired;
}

async function remindExpiring(deps: ApprovalDeps): Promise<number> {
  const now = deps.now();
  const due = await deps.stores.passRoleRequests.list({
    states: ["granted"],
    expiresBy: new Date(now.getTime() + REMINDER_BEFORE_MS).toISOString(),
    notReminded: true,
    grantedDurations: GRANT_DURATIONS.filter(wantsReminder),
    limit: BATCH,
  });
  let sent = 0;
  for (const r of due.requests) {
    // One reminder per grant, however many replicas sweep: the update only applies while none was sent.
    const reminded = await deps.stores.transaction(async (tx) => {
      const next = await tx.passRoleRequests.update(r.id, { states: ["granted"], notReminded: true }, { remindedAt: now.toISOString() }, now.toISOString());
      if (next) await recordEvent(tx, deps, SYSTEM_ACTOR, next, "expiry_reminder", { detail: { expiresAt: next.expiresAt } });
      return next;
    });
    if (!reminded) continue;
    publishEvent(deps, SYSTEM_ACTOR, reminded, "expiry_reminder");
    sent++;
  }
  return sent;
}

export interface SweepSummary extends ReconcileSummary {
  expired: number;
  reminded: number;
}

/** One round: finish what was left half-done, expire what ran out, remind what ends within a day. */
export async function sweep(deps: ApprovalDeps): Promise<SweepSummary> {
  const reconciled = await reconcileRequests(deps);
  const expired = await expireGrants(deps);
  const reminded = await remindExpiring(deps);
  return { ...reconciled, expired, reminded };
}

// What a console that stopped (or crashed) mid-way left behind, finished from what the cloud
// holds: an approval whose grant never started, a grant cut off between its calls, a policy
// that a revoke, an expiry or a failed grant did not manage to remove. Only requests whose lease
// has run out are touched, so a replica never takes over work another one is still doing.

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

// Started once per console process from instrumentation: a round at start-up (reconciling what
// a stopped console left half-done), then one every minute. Of several replicas on one
// PostgreSQL, one runs a given round (an advisory lock; the others skip it); a replica that dies
// mid-round frees the lock with its connection, and what it left is finished by the next round:
// every step of a request commits on its own, and work in flight is leased, so a round cut short
// leaves requests where the reconciliation picks them up. A failed round (say, the cloud is
// unreachable) is logged and the next one tries again.

const SWEEP_INTERVAL_MS = 60_000;
export const SWEEP_LOCK = "approvals-sweep";

/** One round, if no other replica is running one. */
export async function sweepRound(deps: ApprovalDeps): Promise<void> {
  const round = await deps.stores.runExclusive(SWEEP_LOCK, () => sweep(deps));
  if (!round.ran) return;
  const did = Object.entries(round.value).filter(([, n]) => n > 0);
  if (did.length) console.log(`RoleScope: PassRole sweep: ${did.map(([k, n]) => `${k} ${n}`).join(", ")}.`);
}

/** Starts the rounds once per process; later calls do nothing. */
export function startApprovalJobs(deps: () => ApprovalDeps, intervalMs = SWEEP_INTERVAL_MS): void {
  processSingleton("approvals.jobs", () => {
    const round = () => sweepRound(deps()).catch((err: unknown) => logUnexpected(err, "PassRole sweep"));
    void round();
    return setInterval(round, intervalMs).unref();
  });
}
