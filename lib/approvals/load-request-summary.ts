import "server-only";
import { actorCan, requirePermission, type Actor } from "../actor";
import type { ApprovalDeps } from "./deps";
import { linkedRamUser } from "./grantee";
import type { PassRoleRequestView } from "./types";
import { toRequestView } from "./view";

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
