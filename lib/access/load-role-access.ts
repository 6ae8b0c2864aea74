import "server-only";
import { requirePermission, type Actor } from "../actor";
import { CloudError } from "../cloud/types";
import type { InventoryDeps } from "../inventory/deps";
import { fetchRole } from "../inventory/fetch";
import { buildAccessGraph } from "./graph";
import { loadAccessInventory } from "./load-inventory";
import { pathsToRole } from "./paths";
import { whoCan, type Reach } from "./reach";
import type { AccessPath } from "./types";

/** Who may act as the role, and how. RAM's EntityNotExist.Role (with its RequestId) when there is no such role. */
export async function loadRoleAccess(deps: InventoryDeps, actor: Actor, roleName: string): Promise<{ role: string; paths: AccessPath[] }> {
  requirePermission(actor, "inventory:read");
  const lookup = await fetchRole(deps, roleName);
  if (!lookup.role) throw new CloudError(lookup.missing);
  const graph = buildAccessGraph(await loadAccessInventory(deps));
  return { role: lookup.role.roleName, paths: pathsToRole(graph, lookup.role.roleName) };
}

/** Who may perform the action on the resource, directly or through a role. */
export async function loadReach(deps: InventoryDeps, actor: Actor, action: string, resource: string): Promise<{ action: string; resource: string; entries: Reach[] }> {
  requirePermission(actor, "inventory:read");
  const graph = buildAccessGraph(await loadAccessInventory(deps));
  return { action, resource, entries: whoCan(graph, action, resource) };
}
