import "server-only";
import type { TtlCache } from "../cloud/cache";
import { getCloud } from "../cloud";
import { getEnv } from "../env";
import { createInventoryDeps, type InventoryDeps } from "./deps";

let deps: InventoryDeps | undefined;

// Next loads this module once per bundle (route handlers, pages, instrumentation), each with its
// own cache. Their caches know of each other through globalThis, so a write made through a route
// also drops the cached reads the pages show. (The deps themselves stay per bundle: what they
// throw must be the CloudError class that bundle's own code checks for.)
const CACHES = Symbol.for("rolescope.inventory.caches");

function shareInvalidations(cache: TtlCache): void {
  const g = globalThis as { [CACHES]?: Set<TtlCache> };
  const caches = (g[CACHES] ??= new Set());
  caches.add(cache);
  cache.onInvalidate((inv) => {
    for (const other of caches) if (other !== cache) other.invalidate(inv, { broadcast: false });
  });
}

/** The console's one set of inventory dependencies: every request shares the limiter and cache. */
export function getInventoryDeps(): InventoryDeps {
  if (!deps) {
    deps = createInventoryDeps(getCloud(), { ttlMs: getEnv().ROLESCOPE_CACHE_TTL_MS });
    shareInvalidations(deps.cache);
  }
  return deps;
}
