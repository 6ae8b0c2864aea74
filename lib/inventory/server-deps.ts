import "server-only";
import type { TtlCache } from "../cloud/cache";
import { getCloud } from "../cloud";
import { getEnv } from "../env";
import { createInventoryDeps, type InventoryDeps } from "./deps";

let deps: InventoryDeps | undefined;

// Next loads this module once per bundle (pages, route handlers), each with its own cache and
// its own cloud classes. The caches stay apart (a CloudError must meet the class its bundle
// checks against), but every invalidation reaches all of them: a fix applied through a route
// handler drops what the pages cached too.
const CACHES = Symbol.for("rolescope.inventory-caches");
type Holder = { [CACHES]?: Set<TtlCache> };

function joinProcessCaches(cache: TtlCache): void {
  const all = ((globalThis as Holder)[CACHES] ??= new Set());
  all.add(cache);
  cache.onInvalidate((inv) => {
    for (const other of all) if (other !== cache) other.invalidate(inv, { broadcast: false });
  });
}

/** The console's one set of inventory dependencies: every request shares the limiter and cache. */
export function getInventoryDeps(): InventoryDeps {
  if (!deps) {
    deps = createInventoryDeps(getCloud(), { ttlMs: getEnv().ROLESCOPE_CACHE_TTL_MS });
    joinProcessCaches(deps.cache);
  }
  return deps;
}
