import "server-only";
import { requirePermission, type Actor } from "../auth/actor";
import type { PassRoleRequestRecord } from "../db/types";
import { AppError } from "../errors/app-error";
import type { ApprovalDeps } from "./deps";
import { findRequest, requirePending } from "./find-request";
import { applyTransition } from "./transition";

/** The requester, and only the requester, withdraws a request still pending. */
export async function cancelRequest(deps: ApprovalDeps, actor: Actor, id: string): Promise<PassRoleRequestRecord> {
  requirePermission(actor, "passrole:request");
  const r = await findRequest(deps, id);
  if (r.requesterId !== actor.id) throw new AppError("forbidden", "approvals.onlyRequesterCancels");
  requirePending(r, "cancelled");
  return applyTransition(deps, actor, r, "cancel", { change: { endedAt: deps.now().toISOString() } });
}
