import "server-only";
import { getEnv } from "../env";
import { openDatabase, type Db } from "./connection";
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
type Holder = { [KEY]?: { db: Db | null; stores: Stores } };

function holder() {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    const env = getEnv();
    if (env.DATABASE_URL) {
      const pool = createPool({ url: env.DATABASE_URL, max: env.DATABASE_POOL_MAX, statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS });
      g[KEY] = { db: null, stores: postgresStores(pool) };
    } else {
      const db = openDatabase(env.DB_PATH);
      g[KEY] = { db, stores: sqliteStores(db) };
    }
  }
  return g[KEY];
}

/** The raw SQLite handle, for repository modules that add their own tables (SQLite only). */
export function getDb(): Db {
  const { db } = holder();
  if (!db) throw new Error("getDb() is the SQLite handle; with DATABASE_URL set, use getStores().");
  return db;
}

export function getStores(): Stores {
  return holder().stores;
}

export const usesPostgres = (): boolean => Boolean(getEnv().DATABASE_URL);
