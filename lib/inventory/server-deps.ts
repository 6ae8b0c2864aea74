import "server-only";
import { getCloud } from "../cloud";
import { getEnv } from "../env";
import { createInventoryDeps, type InventoryDeps } from "./deps";

// One set per process: Next loads this module once per bundle (route handlers, pages,
// instrumentation), and a write made through a route must drop the reads the pages show. The
// errors cached promises reject with are branded, so `instanceof` holds in every bundle.
const KEY = Symbol.for("rolescope.inventory-deps");
type Holder = { [KEY]?: InventoryDeps };

/** The console's one set of inventory dependencies: every request shares the limiter and cache. */
export function getInventoryDeps(): InventoryDeps {
  const g = globalThis as Holder;
  g[KEY] ??= createInventoryDeps(getCloud(), { ttlMs: getEnv().ROLESCOPE_CACHE_TTL_MS });
  return g[KEY];
}
