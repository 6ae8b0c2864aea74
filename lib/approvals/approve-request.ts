import "server-only";
import { assertCloudWritable } from "../cloud/read-only";
import { requirePermission, type Actor } from "../actor";
import type { PassRoleRequestRecord } from "../db/types";
import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";
import { fromZodError } from "../errors/from";
import { parseArn } from "../policy";
import type { ApprovalDeps } from "./deps";
import { expiryFor, notLongerThan } from "../request-workflow";
import { findRequest, requirePending } from "./read-requests";
import { refuseSelfGrant, selfApprovalReason } from "./grantee";
import { grantApproved } from "./grant";
import { grantDocumentText } from "./plans";
import { takeLease, applyTransition, auditTarget } from "./transition";
import { approveSchema } from "./schemas";

/**
 * An admin other than the requester, and other than the one whose RAM user the grant goes to
 * (whoever filed it), approves (possibly for less time than asked). The approval,
 * with the exact document and expiry, is persisted first; then the grant runs. Of several
 * admins approving at once the database lets exactly one through; the others get `conflict`.
 */
export async function approveRequest(deps: ApprovalDeps, actor: Actor, id: string, body: unknown): Promise<PassRoleRequestRecord> {
  requirePermission(actor, "approvals:decide");
  const parsed = approveSchema.safeParse(body ?? {});
  if (!parsed.success) throw fromZodError(parsed.error);
  const r = await findRequest(deps, id);
  const own = selfApprovalReason(actor, r);
  if (own) {
    const wording = own === "own_request" ? { key: "approvals.selfApprove" as const } : { key: "approvals.selfApproveOwnRamUser" as const, values: { ramUser: r.ramUser } };
    await refuseSelfGrant(deps.writes.audit, actor, auditTarget(r), { reason: own, ramUser: r.ramUser, requester: r.requester, requestedFor: r.requestedFor }, wording);
  }
  const duration = parsed.data.duration ?? r.duration;
  if (!notLongerThan(duration, r.duration)) throw AppError.invalid({ duration: rule("durationLonger", { asked: r.duration }) });
  requirePending(r, "approved");
  assertCloudWritable(deps.writes.readOnly);

  const now = deps.now();
  const expiresAt = expiryFor(duration, now);
  const accountId = parseArn(r.roleArn)?.account ?? "";
  const lease = takeLease(deps);
  const approved = await applyTransition(deps, actor, r, "approve", {
    guard: lease.guard,
    change: {
      approver: actor.username,
      grantedDuration: duration,
      expiresAt: expiresAt?.toISOString() ?? null,
      policyDocument: grantDocumentText(r.roleName, accountId, expiresAt),
      decidedAt: now.toISOString(),
      ...lease.hold,
    },
    detail: { duration, expiresAt: expiresAt?.toISOString() ?? null },
  });
  return grantApproved(deps, actor, approved);
}
