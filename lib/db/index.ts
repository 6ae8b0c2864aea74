import "server-only";
import { getEnv } from "../env";
import { openDatabase, type Db } from "./connection";
import { sqliteStores } from "./sqlite";
import type { Stores } from "./types";

export type * from "./types";
export { UsernameTakenError } from "./types";

// One connection per process. Next may load this module in several bundles (instrumentation,
// route handlers, pages), so the handle lives on globalThis rather than in module scope.
const KEY = Symbol.for("rolescope.db");
type Holder = { [KEY]?: { db: Db; stores: Stores } };

function holder() {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    const db = openDatabase(getEnv().DB_PATH);
    g[KEY] = { db, stores: sqliteStores(db) };
  }
  return g[KEY];
}

/** The raw SQLite handle, for repository modules that add their own tables. */
export function getDb(): Db {
  return holder().db;
}

export function getStores(): Stores {
  return holder().stores;
}
