import "server-only";
import { getEnv } from "../env";
import { processSingleton } from "../process-singleton";
import { openDatabase } from "./connection";
import { createPool } from "./postgres/pool";
import { postgresStores } from "./postgres";
import { sqliteStores } from "./sqlite";
import type { Stores } from "./types";

export type * from "./types";
export { UsernameTakenError } from "./types";

/** The console's one store: PostgreSQL when DATABASE_URL is set (several replicas share it), else the SQLite file. */
export function getStores(): Stores {
  return processSingleton("db", () => {
    const env = getEnv();
    if (!env.DATABASE_URL) return sqliteStores(openDatabase(env.DB_PATH));
    return postgresStores(createPool({ url: env.DATABASE_URL, max: env.DATABASE_POOL_MAX, statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS }));
  });
}
