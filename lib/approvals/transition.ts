import "server-only";
import type { Actor } from "../actor";
import { createAuditLog } from "../audit/audit-log";
import type { AuditOutcome, PassRoleRequestChange, PassRoleRequestRecord, RequestGuard, TxStores } from "../db/types";
import { AppError } from "../errors/app-error";
import type { ApprovalDeps } from "./deps";
import { TRANSITIONS, type Transition } from "../request-workflow";
import { QUIET_EVENTS, type ApprovalEvent } from "./types";
import { toRequestView } from "./view";

export interface TransitionInput {
  /** Further conditions on the row (a lease, a version). */
  guard?: Omit<RequestGuard, "states">;
  change?: Omit<PassRoleRequestChange, "state">;
  outcome?: AuditOutcome;
  /** Cloud RequestIds this step produced; the last one also goes into the entry's requestId. */
  requestIds?: string[];
  detail?: Record<string, unknown>;
}

export const auditTarget = (r: Pick<PassRoleRequestRecord, "id">) => `passrole-request/${r.id}`;

/** Appends the audit entry, the requester's notice and nothing else, inside the caller's transaction. */
export async function recordEvent(
  tx: TxStores,
  deps: ApprovalDeps,
  actor: Actor,
  r: PassRoleRequestRecord,
  event: ApprovalEvent,
  input: Pick<TransitionInput, "outcome" | "requestIds" | "detail"> & { from?: string },
): Promise<void> {
  const at = deps.now();
  await createAuditLog(tx.audit, () => at).append({
    actor: actor.username,
    action: `passrole.${event}`,
    target: auditTarget(r),
    outcome: input.outcome ?? "success",
    requestId: input.requestIds?.at(-1),
    detail: {
      roleName: r.roleName,
      ramUser: r.ramUser,
      requester: r.requester,
      ...(r.requestedFor && r.requestedForId !== r.requesterId ? { requestedFor: r.requestedFor } : {}),
      ...(input.from ? { from: input.from, to: r.state } : { state: r.state }),
      ...(input.requestIds?.length ? { requestIds: input.requestIds } : {}),
      ...input.detail,
    },
  });
  // The requester, and the one the grant is for, hear of every change someone else (or the console itself) made.
  if (QUIET_EVENTS.includes(event)) return;
  for (const recipientId of new Set([r.requesterId, r.requestedForId ?? r.requesterId])) {
    if (recipientId === actor.id) continue;
    await tx.notifications.add({ recipientId, requestId: r.id, event, at: at.toISOString(), detail: { actor: actor.username, roleName: r.roleName, ramUser: r.ramUser } });
  }
}

/**
 * One step of the state machine: the conditional update, its audit entry and the requester's
 * notice commit together; the webhook hears of it after the commit. Throws `conflict` when the
 * row was no longer in a state the transition leaves (another writer won).
 */
export async function applyTransition(deps: ApprovalDeps, actor: Actor, r: PassRoleRequestRecord, transition: Transition, input: TransitionInput = {}): Promise<PassRoleRequestRecord> {
  const { from, to } = TRANSITIONS[transition];
  const at = deps.now().toISOString();
  const updated = await deps.stores.transaction(async (tx) => {
    const next = await tx.passRoleRequests.update(r.id, { ...input.guard, states: from }, { ...input.change, state: to }, at);
    if (!next) return null;
    await recordEvent(tx, deps, actor, next, to as ApprovalEvent, { ...input, from: r.state });
    return next;
  });
  if (!updated) {
    const now = await deps.stores.passRoleRequests.find(r.id);
    throw (now ? new AppError("conflict", "approvals.movedOn", { values: { state: now.state, to } }) : new AppError("conflict", "approvals.gone"));
  }
  publishEvent(deps, actor, updated, to as ApprovalEvent);
  return updated;
}

/** Hands the event to the webhook without waiting for it. */
export function publishEvent(deps: ApprovalDeps, actor: Actor, r: PassRoleRequestRecord, event: ApprovalEvent): void {
  if (QUIET_EVENTS.includes(event)) return;
  void deps.publish({ event: `passrole.${event}`, at: deps.now().toISOString(), actor: actor.username, request: toRequestView(r) });
}

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
