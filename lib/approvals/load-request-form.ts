import "server-only";
import { actorCan, requirePermission, type Actor } from "../auth/actor";
import { fetchAccountId, fetchUsers } from "../inventory/fetch";
import { loadRoles } from "../inventory/load-roles";
import { passHow, type PassHow } from "../inventory/pass-how";
import { fetchUserPolicySet } from "../inventory/principal-policies";
import { mapLimit } from "../async/pool";
import { isServiceLinkedRole } from "../service-config";
import type { ApprovalDeps } from "./deps";
import type { RequestFormData } from "./types";

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
  const passable = (arn: string, users: string[]) => {
    const out: Record<string, PassHow> = {};
    for (const u of users) {
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
