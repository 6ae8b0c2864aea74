import { requirePermission, type Actor } from "../actor";
import { tags, tagsFor, type CloudChange } from "./cache-tags";
import type { InventoryDeps } from "./deps";

/** After a write: drops exactly what it changed and the aggregates that show it. */
export function invalidateFor(deps: InventoryDeps, ...changes: CloudChange[]): void {
  deps.cache.invalidate({ tags: [...new Set(changes.flatMap(tagsFor))] });
}

/** Every inventory read but system policies (ram:policy:System:…). */
const LIST_PREFIXES = ["ram:role", "ram:user", "ram:group", "ram:policy:Custom:", "ram:account", "eas:", "inv:"];

export type RefreshScope =
  | { what: "services" }
  | { what: "roles" }
  | { what: "service"; region: string; name: string }
  | { what: "role"; name: string };

/**
 * The "Refresh" button: the next read of what the view shows goes to the cloud. A list drops
 * every inventory read except system policies (they change only with a new Alibaba Cloud
 * version); a detail page drops what it was built from.
 */
export function refreshInventory(deps: InventoryDeps, actor: Actor, scope: RefreshScope): number {
  requirePermission(actor, "inventory:read");
  const { cache } = deps;
  if (scope.what === "services" || scope.what === "roles") {
    // By prefix, not by this cache's keys: the invalidation reaches caches that read other keys.
    return cache.invalidate({ prefixes: LIST_PREFIXES });
  }
  // A detail page: the object itself, what it was built from, and custom policy documents
  // (cheap to read again; system policies are kept for the reason above).
  const own = scope.what === "service" ? [tags.service(scope.region, scope.name), ...cache.tagsOf(`inv:service:${scope.region}/${scope.name}`)] : [tags.role(scope.name)];
  // A role page also shows who can pass the role: users' and groups' policies.
  const passers = scope.what === "role" ? ["ram:user-policies:", "ram:group-", "ram:users", "ram:groups"] : [];
  return cache.invalidate({ tags: own.filter((t) => !t.startsWith("policy:")), prefixes: ["ram:policy:Custom:", ...passers] });
}
