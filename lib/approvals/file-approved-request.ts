import "server-only";
import { requirePermission, type Actor } from "../actor";
import { assertCloudWritable } from "../cloud/read-only";
import type { PassRoleRequestRecord } from "../db/types";
import { AppError } from "../errors/app-error";
import { parseArn } from "../policy";
import { expiryFor, TRANSITIONS, type BoundedDuration } from "../request-workflow";
import type { ApprovalDeps } from "./deps";
import { isOwnRamUser, linkedConsoleUsers, refuseSelfGrant } from "./grantee";
import { openRequestConflict, requestRow } from "./create-request";
import { grantDocumentText } from "./plans";
import { publishEvent, recordEvent, takeLease } from "./transition";

export interface PreApproved {
  roleName: string;
  roleArn: string;
  ramUser: string;
  reason: string;
  /** A grant nobody asked for always ends: never `permanent`. */
  duration: BoundedDuration;
  /** Where it was filed from, in the `requested` and `approved` events (e.g. the fix and its service). */
  via: Record<string, string>;
  /** What the audit log files a refusal under: what the grant was for (the fix's service). */
  target: string;
}

/**
 * A request an admin files and approves in one step, for a grant the console makes on an admin's
 * own initiative (a diagnosis fix), so that it too is listed in /approvals, expires and can be
 * revoked. `requested` and `approved` commit together, with the approval's exact document and
 * expiry, and the lease for the grant that follows (grantApproved). The pair's one open request
 * rule holds: a pair that has one gets `conflict` naming it. Nobody grants their own RAM user.
 */
export async function fileApprovedRequest(deps: ApprovalDeps, actor: Actor, input: PreApproved): Promise<PassRoleRequestRecord> {
  requirePermission(actor, "approvals:decide");
  const forUser = linkedConsoleUsers(await deps.stores.users.list(), input.ramUser)[0];
  // The admin files it for someone else: the one rule of self-approval left is their own RAM user.
  if (forUser?.id === actor.id || isOwnRamUser(actor, input.ramUser)) {
    await refuseSelfGrant(deps.writes.audit, actor, input.target, { reason: "own_ram_user", ramUser: input.ramUser, ...input.via }, { key: "approvals.selfApproveOwnRamUser", values: { ramUser: input.ramUser } });
  }
  assertCloudWritable(deps.writes.readOnly);

  const now = deps.now();
  const at = now.toISOString();
  const expiresAt = expiryFor(input.duration, now)!;
  const accountId = parseArn(input.roleArn)?.account ?? "";
  const lease = takeLease(deps);
  const { requested, approved } = await deps.stores
    .transaction(async (tx) => {
      const created = await tx.passRoleRequests.create(
        requestRow(actor, { roleName: input.roleName, roleArn: input.roleArn, ramUser: input.ramUser, reason: input.reason, duration: input.duration }, forUser, at),
      );
      await recordEvent(tx, deps, actor, created, "requested", { detail: { duration: input.duration, reason: input.reason, preApproved: true, ...input.via } });
      const change = {
        state: TRANSITIONS.approve.to,
        approver: actor.username,
        grantedDuration: input.duration,
        expiresAt: expiresAt.toISOString(),
        policyDocument: grantDocumentText(input.roleName, accountId, expiresAt),
        decidedAt: at,
        ...lease.hold,
      };
      const next = await tx.passRoleRequests.update(created.id, { states: TRANSITIONS.approve.from, ...lease.guard }, change, at);
      // The row was made in this transaction: nobody else can have moved it.
      if (!next) throw new AppError("conflict", "approvals.gone");
      await recordEvent(tx, deps, actor, next, "approved", { from: created.state, detail: { duration: input.duration, expiresAt: change.expiresAt, ...input.via } });
      return { requested: created, approved: next };
    })
    .catch((err: unknown) => openRequestConflict(deps, err, input.ramUser, input.roleName));
  publishEvent(deps, actor, requested, "requested");
  publishEvent(deps, actor, approved, "approved");
  return approved;
}
