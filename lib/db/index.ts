import "server-only";
import { getEnv } from "../env";
import { openDatabase } from "./connection";
import { createPool } from "./postgres/pool";
import { postgresStores } from "./postgres";
import { sqliteStores } from "./sqlite";
import type { Stores } from "./types";

export type * from "./types";
export { UsernameTakenError } from "./types";

// One store per process. Next may load this module in several bundles (instrumentation,
// route handlers, pages), so the handle lives on globalThis rather than in module scope.
// DATABASE_URL chooses PostgreSQL (several replicas share it); without it, the SQLite file.
const KEY = Symbol.for("rolescope.db");
type Holder = { [KEY]?: { stores: Stores } };

function holder() {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    const env = getEnv();
    if (env.DATABASE_URL) {
      const pool = createPool({ url: env.DATABASE_URL, max: env.DATABASE_POOL_MAX, statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS });
      g[KEY] = { stores: postgresStores(pool) };
    } else {
      g[KEY] = { stores: sqliteStores(openDatabase(env.DB_PATH)) };
    }
  }
  return g[KEY];
}

export function getStores(): Stores {
  return holder().stores;
}
