import "server-only";
import { actorCan, requirePermission, type Actor } from "../actor";
import { OpenRequestExistsError, type NewPassRoleRequest, type PassRoleRequestRecord } from "../db/types";
import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";
import { fromZodError } from "../errors/from";
import { fetchRole, fetchUsers } from "../inventory/fetch";
import type { ApprovalDeps } from "./deps";
import { isOwnRamUser, linkedConsoleUsers, linkedRamUser } from "./grantee";
import { grantPolicyName } from "./plans";
import { createRequestSchema } from "./schemas";
import { OPEN_STATES } from "../request-workflow";
import { publishEvent, recordEvent } from "./transition";

/**
 * Asks for ram:PassRole on a role for a RAM user: an engineer for the one linked to their console
 * user only (naming another is `forbidden`); an admin for any, e.g. on behalf of someone being
 * onboarded. The request records who filed it and the console user it is for (the one linked to
 * the RAM user). The role and the user must exist; a pair that already has an open request gets
 * `conflict`.
 */
export async function createRequest(deps: ApprovalDeps, actor: Actor, body: unknown): Promise<PassRoleRequestRecord> {
  requirePermission(actor, "passrole:request");
  const parsed = createRequestSchema.safeParse(body);
  if (!parsed.success) throw fromZodError(parsed.error);
  const input = parsed.data;
  const ramUser = input.ramUser ?? linkedRamUser(actor);
  if (!ramUser) throw AppError.invalid({ ramUser: rule("ramUserUnlinked") });
  if (!actorCan(actor, "approvals:decide") && !isOwnRamUser(actor, ramUser)) {
    throw new AppError("forbidden", "approvals.ownRamUserOnly", { fields: { ramUser: rule("ownRamUser") } });
  }

  const [lookup, users, consoleUsers] = await Promise.all([fetchRole(deps.inventory, input.roleName), fetchUsers(deps.inventory), deps.stores.users.list()]);
  if (!lookup.role) throw AppError.notFound("approvals.roleMissing", { role: input.roleName }, { code: lookup.missing.code, requestId: lookup.missing.requestId });
  const user = users.find((u) => u.userName.toLowerCase() === ramUser.toLowerCase());
  if (!user) throw AppError.notFound("approvals.ramUserMissing", { user: ramUser });

  // For the requester when the RAM user is theirs; else for the console user linked to it, if any.
  const forUser = isOwnRamUser(actor, user.userName) ? { id: actor.id, username: actor.username } : linkedConsoleUsers(consoleUsers, user.userName)[0];
  const at = deps.now().toISOString();
  const record = await deps.stores
    .transaction(async (tx) => {
      const created = await tx.passRoleRequests.create(
        requestRow(actor, { roleName: lookup.role.roleName, roleArn: lookup.role.arn, ramUser: user.userName, reason: input.reason, duration: input.duration }, forUser, at),
      );
      await recordEvent(tx, deps, actor, created, "requested", { detail: { duration: input.duration, reason: input.reason } });
      return created;
    })
    .catch((err: unknown) => openRequestConflict(deps, err, user.userName, lookup.role.roleName));
  publishEvent(deps, actor, record, "requested");
  return record;
}

/** A new request's row: filed by `actor` for a RAM user and role, for the console user linked to that RAM user, if any. */
export function requestRow(
  actor: Actor,
  r: Pick<NewPassRoleRequest, "roleName" | "roleArn" | "ramUser" | "reason" | "duration">,
  forUser: { id: string; username: string } | undefined,
  at: string,
): NewPassRoleRequest {
  return {
    ...r,
    requesterId: actor.id,
    requester: actor.username,
    requestedForId: forUser?.id ?? null,
    requestedFor: forUser?.username ?? null,
    policyName: grantPolicyName(r.ramUser, r.roleName),
    at,
  };
}

/** A request the store refused because the pair has an open one: the `conflict` that names it. Anything else is thrown as it came. */
export async function openRequestConflict(deps: ApprovalDeps, err: unknown, ramUser: string, roleName: string): Promise<never> {
  if (!OpenRequestExistsError.is(err)) throw err;
  const same = (await deps.stores.passRoleRequests.list({ states: OPEN_STATES, pair: { ramUser, roleName }, limit: 1 })).requests[0];
  throw new AppError("conflict", "approvals.openExists", { values: { user: ramUser, role: roleName, same: same ? "yes" : "no", id: same?.id ?? "", state: same?.state ?? "" } });
}
