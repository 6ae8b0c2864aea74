import "server-only";
import { actorCan, requirePermission, type Actor } from "../actor";
import { fetchUsers } from "../inventory/fetch";
import { loadRoles } from "../inventory/load-roles";
import type { ApprovalDeps } from "./deps";
import type { RequestFormData } from "./types";

// What the request form offers: every role (with whether EAS can assume it and which services
// run with it) and the RAM users the reader may ask for: an engineer only their linked one, an
// admin every user of the account, the linked one first.

export async function loadRequestForm(deps: ApprovalDeps, actor: Actor): Promise<RequestFormData> {
  requirePermission(actor, "passrole:request");
  const [{ rows, fetchedAt }, users] = await Promise.all([loadRoles(deps.inventory, actor, deps.inventory.cloud.eas.regions), fetchUsers(deps.inventory)]);
  const linked = "ramUserName" in actor ? actor.ramUserName : undefined;
  const names = users.map((u) => u.userName).sort((a, b) => a.localeCompare(b));
  const defaultRamUser = names.find((n) => n.toLowerCase() === linked?.toLowerCase()) ?? null;
  return {
    roles: rows.map((r) => ({ name: r.name, description: r.description, easCanAssume: r.easCanAssume, services: r.usedBy })).sort((a, b) => a.name.localeCompare(b.name)),
    ramUsers: !actorCan(actor, "approvals:decide") ? (defaultRamUser ? [defaultRamUser] : []) : defaultRamUser ? [defaultRamUser, ...names.filter((n) => n !== defaultRamUser)] : names,
    defaultRamUser,
    fetchedAt,
  };
}
