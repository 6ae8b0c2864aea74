import "server-only";
import { actorCan, requirePermission, type Actor } from "../actor";
import { AppError } from "../errors/app-error";
import { fromZodError } from "../errors/from";
import type { ApprovalDeps } from "./deps";
import { findRequest } from "./find-request";
import { concerns, linkedRamUser } from "./grantee";
import { listQuerySchema } from "./schemas";
import type { PassRoleRequestView } from "./types";
import { toRequestView } from "./view";

// Engineers see their own requests: those they filed, and those for them (filed for them, or
// granting the RAM user linked to them); admins (approvals:decide) see everyone's.

export async function listRequests(deps: ApprovalDeps, actor: Actor, query: unknown): Promise<{ requests: PassRoleRequestView[]; total: number }> {
  requirePermission(actor, "passrole:request");
  const parsed = listQuerySchema.safeParse(query ?? {});
  if (!parsed.success) throw fromZodError(parsed.error, "query");
  const q = parsed.data;
  const onlyOwn = q.mine === true || !actorCan(actor, "approvals:decide");
  const { requests, total } = await deps.stores.passRoleRequests.list({
    ...(q.state ? { states: [q.state] } : {}),
    ...(onlyOwn ? { involving: { userId: actor.id, ramUser: linkedRamUser(actor) } } : {}),
    limit: q.limit,
  });
  return { requests: requests.map(toRequestView), total };
}

/** One request; another engineer's answers `not_found`, as if it did not exist. */
export async function getRequest(deps: ApprovalDeps, actor: Actor, id: string): Promise<PassRoleRequestView> {
  requirePermission(actor, "passrole:request");
  const r = await findRequest(deps, id);
  if (!concerns(actor, r) && !actorCan(actor, "approvals:decide")) throw AppError.notFound("approvals.notFound", { id });
  return toRequestView(r);
}

/** The admins' badge: requests waiting for a decision. */
export async function countPending(deps: ApprovalDeps, actor: Actor): Promise<number> {
  requirePermission(actor, "approvals:decide");
  return (await deps.stores.passRoleRequests.list({ states: ["pending"], limit: 1 })).total;
}
