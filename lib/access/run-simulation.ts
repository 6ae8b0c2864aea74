import "server-only";
import { requirePermission, type Actor } from "../actor";
import { CloudError } from "../cloud/types";
import type { InventoryDeps } from "../inventory/deps";
import { fetchAccountId, fetchPolicyDocuments, fetchRole, fetchRolePolicies } from "../inventory/fetch";
import { fetchUserPolicySet } from "../inventory/principal-policies";
import type { Principal } from "../policy/types";
import type { SimulateInput } from "./schemas";
import { simulateFor, type SimulationAnswer } from "./simulate";

/** One request decided for a RAM role or user of the account, as RAM would; a user's group policies count. */
export async function runSimulation(deps: InventoryDeps, actor: Actor, input: SimulateInput): Promise<SimulationAnswer> {
  requirePermission(actor, "inventory:read");
  const accountId = await fetchAccountId(deps);
  const req = { action: input.action, resource: input.resource, context: input.context, exclude: input.exclude };
  if (input.principal.type === "user") {
    const set = await fetchUserPolicySet(deps, input.principal.name);
    const principal: Principal = { type: "RAMUser", account: accountId, name: input.principal.name };
    return simulateFor(principal, set.policies, set.fromGroup, req);
  }
  const [lookup, attached] = await Promise.all([fetchRole(deps, input.principal.name), fetchRolePolicies(deps, input.principal.name)]);
  if (!lookup.role) throw new CloudError(lookup.missing);
  const principal: Principal = { type: "RAMRole", account: accountId, name: lookup.role.roleName };
  return simulateFor(principal, await fetchPolicyDocuments(deps, attached), {}, req);
}
