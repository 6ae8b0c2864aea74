import "server-only";
import { getAuthDeps } from "../auth/server-deps";
import { getCloud } from "../cloud";
import { getStores } from "../db";
import { getEnv } from "../env";
import { invalidateFor } from "../inventory/invalidate";
import { getInventoryDeps } from "../inventory/server-deps";
import type { WriteDeps } from "./run-plan";

/** The console's own write dependencies: its cloud, its audit log, its cache. */
export function getWriteDeps(): WriteDeps {
  return {
    cloud: getCloud(),
    audit: getAuthDeps().audit,
    invalidate: (changes) => invalidateFor(getInventoryDeps(), ...changes),
    readOnly: getEnv().ROLESCOPE_READ_ONLY,
    claims: getStores().planClaims,
  };
}
