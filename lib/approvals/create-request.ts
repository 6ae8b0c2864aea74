import "server-only";
import { requirePermission, type Actor } from "../auth/actor";
import { OpenRequestExistsError, type PassRoleRequestRecord } from "../db/types";
import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";
import { fromZodError } from "../errors/from";
import { fetchRole, fetchUsers } from "../inventory/fetch";
import type { ApprovalDeps } from "./deps";
import { grantPolicyName } from "./policy-name";
import { createRequestSchema } from "./schemas";
import { OPEN_STATES } from "./states";
import { publishEvent, recordEvent } from "./transition";

/**
 * An engineer asks for ram:PassRole on a role for a RAM user (their linked one unless named).
 * The role and the user must exist; a pair that already has an open request gets `conflict`.
 */
export async function createRequest(deps: ApprovalDeps, actor: Actor, body: unknown): Promise<PassRoleRequestRecord> {
  requirePermission(actor, "passrole:request");
  const parsed = createRequestSchema.safeParse(body);
  if (!parsed.success) throw fromZodError(parsed.error);
  const input = parsed.data;
  const ramUser = input.ramUser ?? ("ramUserName" in actor ? actor.ramUserName : undefined);
  if (!ramUser) throw AppError.invalid({ ramUser: rule("ramUserUnlinked") });

  const [lookup, users] = await Promise.all([fetchRole(deps.inventory, input.roleName), fetchUsers(deps.inventory)]);
  if (!lookup.role) throw AppError.notFound("approvals.roleMissing", { role: input.roleName }, { code: lookup.missing.code, requestId: lookup.missing.requestId });
  const user = users.find((u) => u.userName.toLowerCase() === ramUser.toLowerCase());
  if (!user) throw AppError.notFound("approvals.ramUserMissing", { user: ramUser });

  const at = deps.now().toISOString();
  const record = await deps.stores
    .transaction(async (tx) => {
      const created = await tx.passRoleRequests.create({
        roleName: lookup.role.roleName,
        roleArn: lookup.role.arn,
        ramUser: user.userName,
        requesterId: actor.id,
        requester: actor.username,
        reason: input.reason,
        duration: input.duration,
        policyName: grantPolicyName(user.userName, lookup.role.roleName),
        at,
      });
      await recordEvent(tx, deps, actor, created, "requested", { detail: { duration: input.duration, reason: input.reason } });
      return created;
    })
    .catch(async (err: unknown) => {
      if (!OpenRequestExistsError.is(err)) throw err;
      const open = await deps.stores.passRoleRequests.list({ states: OPEN_STATES, pair: { ramUser: user.userName, roleName: lookup.role.roleName }, limit: 1 });
      const same = open.requests[0];
      throw new AppError("conflict", "approvals.openExists", { values: { user: user.userName, role: lookup.role.roleName, same: same ? "yes" : "no", id: same?.id ?? "", state: same?.state ?? "" } });
    });
  publishEvent(deps, actor, record, "requested");
  return record;
}
