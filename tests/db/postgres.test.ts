import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { MIGRATIONS } from "../../lib/db/migrations";
import { postgresStores } from "../../lib/db/postgres";
import { migratePostgres } from "../../lib/db/postgres/migrate";
import { createPool } from "../../lib/db/postgres/pool";
import { testPostgres, type TempPostgres } from "./postgres-server";

// What only PostgreSQL has to show: several replicas starting at once, and locks that outlive
// no process.

let server: TempPostgres & { owned: boolean };
const pools: pg.Pool[] = [];
const pool = (url: string, max = 5) => {
  const p = createPool({ url, max });
  pools.push(p);
  return p;
};

beforeAll(() => void (server = testPostgres()), 60_000);
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end().catch(() => {})));
  if (server?.owned) server.stop();
}, 30_000);

describe("PostgreSQL with several replicas", () => {
  it("applies each migration exactly once when eight replicas start together", async () => {
    const url = await server.createDatabase();
    const ran = await Promise.all(Array.from({ length: 8 }, () => migratePostgres(pool(url, 2))));
    expect(ran.flat().sort()).toEqual(MIGRATIONS.map((m) => m.version));
    const rows = (await pool(url).query("SELECT version FROM schema_migrations ORDER BY version")).rows;
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it("adds a new migration on the next start, and a failing one leaves nothing behind", async () => {
    const url = await server.createDatabase();
    const p = pool(url);
    await migratePostgres(p);
    const bad = { version: 998, name: "broken", sql: "CREATE TABLE half (x INTEGER); SELECT no_such_function()" };
    await expect(migratePostgres(p, [...MIGRATIONS, bad])).rejects.toThrow(/no_such_function/);
    expect((await p.query("SELECT to_regclass('half') AS t")).rows[0].t).toBeNull();
    expect(await migratePostgres(p, [...MIGRATIONS, { version: 999, name: "probe", sql: "CREATE TABLE probe (x INTEGER)" }])).toEqual([999]);
  });

  it("runs an exclusive job on one replica at a time, and a replica that dies frees its lock", async () => {
    const url = await server.createDatabase();
    const a = postgresStores(pool(url));
    const b = postgresStores(pool(url));
    let release: (() => void) | undefined;
    const onA = a.runExclusive("approvals-sweep", () => new Promise<void>((r) => (release = r)));
    // A's job runs only once A holds the lock; wait for that rather than for a fixed time.
    await expect.poll(() => release !== undefined).toBe(true);
    expect(await b.runExclusive("approvals-sweep", async () => "b")).toEqual({ ran: false });
    release!();
    await onA;
    expect(await b.runExclusive("approvals-sweep", async () => "b")).toEqual({ ran: true, value: "b" });

    // A dies holding the lock: the server ends its session (as when the process is killed).
    // Its pool is never ended: the client it holds is never given back.
    const dying = postgresStores(createPool({ url, max: 1 }));
    void dying.runExclusive("approvals-sweep", () => new Promise(() => {})).catch(() => {});
    await expect.poll(async () => (await b.runExclusive("approvals-sweep", async () => "b")).ran).toBe(false);
    await pool(url).query("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()");
    await expect.poll(async () => (await b.runExclusive("approvals-sweep", async () => "b")).ran).toBe(true);
  });

  it("parses counts and 64-bit columns as numbers", async () => {
    const url = await server.createDatabase();
    const p = pool(url);
    expect((await p.query("SELECT COUNT(*) AS n, 9007199254740991::bigint AS big")).rows[0]).toEqual({ n: 1, big: 9007199254740991 });
  });
});
