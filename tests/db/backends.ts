import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { openDatabase } from "../../lib/db/connection";
import { postgresStores } from "../../lib/db/postgres";
import { createPool } from "../../lib/db/postgres/pool";
import { sqliteStores } from "../../lib/db/sqlite";
import type { Stores } from "../../lib/db/types";
import { testPostgres, type TempPostgres } from "./postgres-server";

// The two stores the contract suite runs against: SQLite on a temporary file, and a real
// PostgreSQL server (npm test's, or one this file starts). Each test gets an empty database.

export interface Fresh {
  stores: Stores;
  /** Another console process on the same database. */
  replica(): Stores;
  /** Raw SQL, past the stores. */
  sql(text: string): Promise<unknown[]>;
}

export interface Backend {
  name: "sqlite" | "postgres";
  start(): Promise<void>;
  fresh(): Promise<Fresh>;
  stop(): Promise<void>;
}

function sqliteBackend(): Backend {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rolescope-contract-"));
  const open: Stores[] = [];
  let n = 0;
  return {
    name: "sqlite",
    start: async () => {},
    async fresh() {
      const file = path.join(dir, `store-${n++}.db`);
      const db = openDatabase(file);
      const track = (s: Stores) => (open.push(s), s);
      return {
        stores: track(sqliteStores(db)),
        replica: () => track(sqliteStores(openDatabase(file))),
        sql: async (text) => {
          const stmt = db.prepare(text);
          return stmt.reader ? stmt.all() : (stmt.run(), []);
        },
      };
    },
    async stop() {
      await Promise.all(open.map((s) => s.close().catch(() => {})));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBackend(): Backend {
  let server: (TempPostgres & { owned: boolean }) | undefined;
  const pools: pg.Pool[] = [];
  const pool = (url: string) => {
    const p = createPool({ url, max: 20 });
    pools.push(p);
    return p;
  };
  return {
    name: "postgres",
    async start() {
      server = testPostgres();
    },
    async fresh() {
      const url = await server!.createDatabase();
      const main = pool(url);
      const stores = postgresStores(main);
      await stores.ready();
      return {
        stores,
        replica: () => postgresStores(pool(url)),
        sql: async (text) => (await main.query(text)).rows,
      };
    },
    async stop() {
      await Promise.all(pools.map((p) => p.end().catch(() => {})));
      if (server?.owned) server.stop();
    },
  };
}

export const BACKENDS = [sqliteBackend, postgresBackend];
