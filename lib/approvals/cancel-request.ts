import "server-only";
import { requirePermission, type Actor } from "../actor";
import type { PassRoleRequestRecord } from "../db/types";
import { AppError } from "../errors/app-error";
import type { ApprovalDeps } from "./deps";
import { findRequest, requirePending } from "./read-requests";
import { concerns } from "./grantee";
import { applyTransition } from "./transition";

/** The requester, or the one the grant is for, withdraws a request still pending; nobody else. */
export async function cancelRequest(deps: ApprovalDeps, actor: Actor, id: string): Promise<PassRoleRequestRecord> {
  requirePermission(actor, "passrole:request");
  const r = await findRequest(deps, id);
  if (!concerns(actor, r)) throw new AppError("forbidden", "approvals.onlyConcernedCancels");
  requirePending(r, "cancelled");
  return applyTransition(deps, actor, r, "cancel", { change: { endedAt: deps.now().toISOString() } });
}
