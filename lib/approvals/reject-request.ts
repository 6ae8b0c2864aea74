import "server-only";
import { requirePermission, type Actor } from "../actor";
import type { PassRoleRequestRecord } from "../db/types";
import { AppError } from "../errors/app-error";
import { fromZodError } from "../errors/from";
import type { ApprovalDeps } from "./deps";
import { findRequest, requirePending } from "./read-requests";
import { rejectSchema } from "./schemas";
import { applyTransition } from "./transition";

/** An admin other than the requester turns a pending request down, saying why. */
export async function rejectRequest(deps: ApprovalDeps, actor: Actor, id: string, body: unknown): Promise<PassRoleRequestRecord> {
  requirePermission(actor, "approvals:decide");
  const parsed = rejectSchema.safeParse(body ?? {});
  if (!parsed.success) throw fromZodError(parsed.error);
  const r = await findRequest(deps, id);
  if (r.requesterId === actor.id) throw new AppError("self_approval", "approvals.selfDecide");
  requirePending(r, "rejected");
  const at = deps.now().toISOString();
  return applyTransition(deps, actor, r, "reject", {
    change: { approver: actor.username, decisionReason: parsed.data.reason, decidedAt: at, endedAt: at },
    detail: { reason: parsed.data.reason },
  });
}
