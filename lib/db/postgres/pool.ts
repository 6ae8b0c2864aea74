import "server-only";
import pg from "pg";

/** A pool or one of its clients: what a store's statements run on. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export interface PoolSettings {
  url: string;
  max?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
}

const INT8 = 20;

// COUNT(*) and BIGINT columns (ids, epoch milliseconds) come back as strings by default; every
// value the console keeps there stays far below 2^53, so they are numbers here, as in SQLite.
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format))) as pg.CustomTypesConfig["getTypeParser"],
};

export function createPool(s: PoolSettings): pg.Pool {
  const pool = new pg.Pool({
    connectionString: s.url,
    max: s.max ?? 10,
    types,
    application_name: s.applicationName ?? "rolescope",
    statement_timeout: s.statementTimeoutMs ?? 30_000,
    // A replica cut off mid-transaction must not hold its row locks for ever.
    idle_in_transaction_session_timeout: 60_000,
    keepAlive: true,
  });
  // An idle client losing its connection (the server restarted) is no reason to stop the console.
  pool.on("error", (err) => console.warn(`RoleScope: PostgreSQL connection lost (${err.message}); the pool opens a new one.`));
  return pool;
}

export const isUniqueViolation = (err: unknown, constraint?: string): boolean =>
  err instanceof pg.DatabaseError && err.code === "23505" && (constraint === undefined || err.constraint === constraint);
