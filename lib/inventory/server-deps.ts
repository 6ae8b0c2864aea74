import "server-only";
import { getCloud } from "../cloud";
import { getEnv } from "../env";
import { createInventoryDeps, type InventoryDeps } from "./deps";

// One set per process, on globalThis: Next loads this module once for route handlers and again
// for pages, and a write made through a route must drop the cached reads the pages show too.
const KEY = Symbol.for("rolescope.inventory");
type Holder = { [KEY]?: InventoryDeps };

/** The console's one set of inventory dependencies: every request shares the limiter and cache. */
export function getInventoryDeps(): InventoryDeps {
  const g = globalThis as Holder;
  g[KEY] ??= createInventoryDeps(getCloud(), { ttlMs: getEnv().ROLESCOPE_CACHE_TTL_MS });
  return g[KEY];
}
