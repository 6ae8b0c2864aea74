import "server-only";
import { actorCan, requirePermission, type Actor } from "../actor";
import { AppError } from "../errors/app-error";
import { fromZodError } from "../errors/from";
import type { ApprovalDeps } from "./deps";
import { concerns, linkedRamUser } from "./grantee";
import { listQuerySchema, requestIdSchema } from "./schemas";
import type { PassRoleRequestView, RequestFormData } from "./types";
import { toRequestView } from "./view";
import type { PassRoleRequestRecord } from "../db/types";
import { mapLimit } from "../async/pool";
import { fetchAccountId, fetchUsers } from "../inventory/fetch";
import { loadRoles } from "../inventory/load-roles";
import { passHow, type PassHow } from "../inventory/pass-how";
import { fetchUserPolicySet } from "../inventory/principal-policies";
import { isServiceLinkedRole } from "../service-config";

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

/** The request, or `not_found` (also for an id that could not name one). */
export async function findRequest(deps: ApprovalDeps, id: string): Promise<PassRoleRequestRecord> {
  const found = requestIdSchema.safeParse(id).success ? await deps.stores.passRoleRequests.find(id) : null;
  if (!found) throw AppError.notFound("approvals.notFound", { id });
  return found;
}

export function requirePending(r: PassRoleRequestRecord, verb: string): void {
  if (r.state !== "pending") throw new AppError("conflict", "approvals.notPending", { values: { state: r.state, verb } });
}

// What the request form offers: every role (with whether EAS can assume it and which services
// run with it) and the RAM users the reader may ask for: an engineer only their linked one, an
// admin every user of the account, the linked one first. Service-linked roles are never offered
// (only their cloud service may assume them), and each role says how each offered user may
// already pass it, so nobody asks for what they hold.

const FAN_OUT = 8;

export async function loadRequestForm(deps: ApprovalDeps, actor: Actor): Promise<RequestFormData> {
  requirePermission(actor, "passrole:request");
  const [{ rows, fetchedAt }, users] = await Promise.all([loadRoles(deps.inventory, actor, deps.inventory.cloud.eas.regions), fetchUsers(deps.inventory)]);
  const linked = "ramUserName" in actor ? actor.ramUserName : undefined;
  const names = users.map((u) => u.userName).sort((a, b) => a.localeCompare(b));
  const defaultRamUser = names.find((n) => n.toLowerCase() === linked?.toLowerCase()) ?? null;
  const ramUsers = !actorCan(actor, "approvals:decide") ? (defaultRamUser ? [defaultRamUser] : []) : defaultRamUser ? [defaultRamUser, ...names.filter((n) => n !== defaultRamUser)] : names;
  const offered = new Set(ramUsers);
  const roles = rows.filter((r) => !isServiceLinkedRole(r.name));
  // Only users who may pass some role need their policies read (cached; bounded fan-out).
  const passers = [...new Set(roles.flatMap((r) => r.passers))].filter((u) => offered.has(u));
  const [accountId, sets] = await Promise.all([fetchAccountId(deps.inventory), mapLimit(passers, FAN_OUT, (u) => fetchUserPolicySet(deps.inventory, u))]);
  const byUser = new Map(sets.map((set) => [set.userName, set]));
  const now = new Date();
  const passable = (arn: string, holders: string[]) => {
    const out: Record<string, PassHow> = {};
    for (const u of holders) {
      const set = byUser.get(u);
      const how = set ? passHow(set, arn, accountId, now) : null;
      if (how) out[u] = how;
    }
    return out;
  };
  return {
    roles: roles
      .map((r) => ({ name: r.name, description: r.description, easCanAssume: r.easCanAssume, services: r.usedBy, passable: passable(r.arn, r.passers) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    ramUsers,
    defaultRamUser,
    fetchedAt,
  };
}

/** A grant counts as about to expire this long before its end. */
const EXPIRING_WITHIN_MS = 3 * 86_400_000;
const SHOWN = 5;
/** Enough granted requests to find the soonest to end among those the window holds. */
const SCAN = 200;

export interface RequestSummary {
  /** Everyone's for an admin; the caller's own (filed by or for them) for an engineer. */
  scope: "all" | "mine";
  pending: { total: number; newest: PassRoleRequestView[] };
  expiring: { total: number; soonest: PassRoleRequestView[] };
}

/**
 * What waits on PassRole for the overview: requests waiting for a decision, and grants ending
 * within three days, soonest first. Two store reads, whatever the number of requests.
 */
export async function loadRequestSummary(deps: Pick<ApprovalDeps, "stores" | "now">, actor: Actor): Promise<RequestSummary> {
  requirePermission(actor, "passrole:request");
  const all = actorCan(actor, "approvals:decide");
  const own = all ? {} : { involving: { userId: actor.id, ramUser: linkedRamUser(actor) } };
  const expiresBy = new Date(deps.now().getTime() + EXPIRING_WITHIN_MS).toISOString();
  const [pending, expiring] = await Promise.all([
    deps.stores.passRoleRequests.list({ states: ["pending"], ...own, limit: SHOWN }),
    deps.stores.passRoleRequests.list({ states: ["granted"], expiresBy, ...own, limit: SCAN }),
  ]);
  const soonest = [...expiring.requests].sort((a, b) => (a.expiresAt ?? "").localeCompare(b.expiresAt ?? "")).slice(0, SHOWN);
  return {
    scope: all ? "all" : "mine",
    pending: { total: pending.total, newest: pending.requests.map(toRequestView) },
    expiring: { total: expiring.total, soonest: soonest.map(toRequestView) },
  };
}
