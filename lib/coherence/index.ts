import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { getEnv } from "../env";
import { getInventoryDeps } from "../inventory/server-deps";
import { processSingleton } from "../process-singleton";
import { syncCache } from "./cache-sync";
import { postgresBus } from "./pg-bus";

// Several replicas on one PostgreSQL each keep their own inventory cache; this ties them
// together (see ./cache-sync.ts). Without DATABASE_URL there is one console and nothing to do.

/** Starts the sync once per process: true when this call started it. */
export function startCacheCoherence(): boolean {
  const url = getEnv().DATABASE_URL;
  if (!url) return false;
  let started = false;
  processSingleton("coherence", () => {
    syncCache(getInventoryDeps().cache, postgresBus({ url }), `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`);
    started = true;
    return true;
  });
  return started;
}
