import "server-only";
import { getCloud } from "../cloud";
import { getEnv } from "../env";
import { createInventoryDeps, type InventoryDeps } from "./deps";

// One set per process. Next loads this module once per bundle (pages, route handlers), so the
// deps live on globalThis: a write through a route handler must drop what the pages cached too.
const KEY = Symbol.for("rolescope.inventory-deps");
type Holder = { [KEY]?: InventoryDeps };

/** The console's one set of inventory dependencies: every request shares the limiter and cache. */
export function getInventoryDeps(): InventoryDeps {
  const g = globalThis as Holder;
  g[KEY] ??= createInventoryDeps(getCloud(), { ttlMs: getEnv().ROLESCOPE_CACHE_TTL_MS });
  return g[KEY];
}
