import "server-only";
import { assertCloudWritable } from "../cloud/read-only";
import { requirePermission, type Actor } from "../actor";
import type { PassRoleRequestRecord } from "../db/types";
import { AppError } from "../errors/app-error";
import { fromZodError } from "../errors/from";
import type { ApprovalDeps } from "./deps";
import { findRequest } from "./read-requests";
import { takeLease, applyTransition } from "./transition";
import { removePolicy } from "./grant";
import { revokeSchema } from "./schemas";

/** An admin takes a grant back: `revoked` is persisted first, then the policy is detached and deleted. */
export async function revokeRequest(deps: ApprovalDeps, actor: Actor, id: string, body: unknown): Promise<PassRoleRequestRecord> {
  requirePermission(actor, "approvals:decide");
  const parsed = revokeSchema.safeParse(body ?? {});
  if (!parsed.success) throw fromZodError(parsed.error);
  const r = await findRequest(deps, id);
  if (r.state !== "granted") throw new AppError("conflict", "approvals.notGranted", { values: { state: r.state } });
  assertCloudWritable(deps.writes.readOnly);
  const lease = takeLease(deps);
  const revoked = await applyTransition(deps, actor, r, "revoke", {
    guard: lease.guard,
    change: { endedAt: deps.now().toISOString(), endedBy: actor.username, endReason: parsed.data.reason || null, removal: "pending", ...lease.hold },
    detail: parsed.data.reason ? { reason: parsed.data.reason } : {},
  });
  return removePolicy(deps, actor, revoked);
}
