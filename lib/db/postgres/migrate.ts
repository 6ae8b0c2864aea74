import "server-only";
import type pg from "pg";
import { POSTGRES } from "../dialect";
import { MIGRATIONS, migrationSql, pending, SCHEMA_MIGRATIONS, type Migration } from "../migrations";
import { lockKey, MIGRATIONS_LOCK } from "./locks";

/**
 * Brings the schema up to date. Replicas starting together queue on one advisory lock: the first
 * applies what is missing, each migration in its own transaction (PostgreSQL's DDL is
 * transactional), and the others then find nothing left to do.
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  const key = lockKey(MIGRATIONS_LOCK);
  const ran: number[] = [];
  let broken: Error | undefined;
  try {
    await client.query("SELECT pg_advisory_lock($1, $2)", key);
    try {
      await client.query(SCHEMA_MIGRATIONS);
      const applied = new Set((await client.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version));
      for (const m of pending(migrations, applied)) {
        await client.query("BEGIN");
        try {
          await client.query(migrationSql(m, POSTGRES));
          await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [m.version, m.name, new Date().toISOString()]);
          await client.query("COMMIT");
        } catch (err) {
          await client.query("ROLLBACK").catch(() => {});
          throw err;
        }
        ran.push(m.version);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, $2)", key).catch((err: Error) => (broken = err));
    }
  } catch (err) {
    broken = err as Error;
    throw err;
  } finally {
    client.release(broken);
  }
  return ran;
}
