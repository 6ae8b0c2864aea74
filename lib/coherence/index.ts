import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { getEnv } from "../env";
import { getInventoryDeps } from "../inventory/server-deps";
import { syncCache } from "./cache-sync";
import { postgresBus } from "./pg-bus";

// Several replicas on one PostgreSQL each keep their own inventory cache; this ties them
// together (see ./cache-sync.ts). Without DATABASE_URL there is one console and nothing to do.
const KEY = Symbol.for("rolescope.coherence");

export function startCacheCoherence(): boolean {
  const url = getEnv().DATABASE_URL;
  const g = globalThis as { [KEY]?: true };
  if (!url || g[KEY]) return false;
  g[KEY] = true;
  syncCache(getInventoryDeps().cache, postgresBus({ url }), `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`);
  return true;
}
