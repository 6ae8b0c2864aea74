import "server-only";
import { SYSTEM_ACTOR } from "../actor";
import { AppError } from "../errors/app-error";
import type { ApprovalDeps } from "./deps";
import { GRANT_DURATIONS, REMINDER_BEFORE_MS, wantsReminder } from "../request-workflow";
import { takeLease } from "./lease";
import { reconcileRequests, type ReconcileSummary } from "./reconcile";
import { removePolicy } from "./remove-policy";
import { applyTransition, publishEvent, recordEvent } from "./transition";

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
