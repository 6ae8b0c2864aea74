import "server-only";
import { getCloud } from "../cloud";
import { getEnv } from "../env";
import { createInventoryDeps, type InventoryDeps } from "./deps";

let deps: InventoryDeps | undefined;

/** The console's one set of inventory dependencies: every request shares the limiter and cache. */
export function getInventoryDeps(): InventoryDeps {
  deps ??= createInventoryDeps(getCloud(), { ttlMs: getEnv().ROLESCOPE_CACHE_TTL_MS });
  return deps;
}
