import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "./migrations";

export type Db = Database.Database;

// The store holds password hashes and session hashes: only the console's own user may read it.
// SQLite gives the -wal and -shm files the main file's mode, so creating that one 0600 covers all three.
const FILE_MODE = 0o600;

function restrict(file: string): void {
  fs.closeSync(fs.openSync(file, "a", FILE_MODE));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(f) && (fs.statSync(f).mode & 0o777) !== FILE_MODE) fs.chmodSync(f, FILE_MODE);
  }
}

// Opens the SQLite store with the settings every caller relies on, and brings its schema up to date.
export function openDatabase(file: string): Db {
  if (file !== ":memory:") {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
    restrict(file);
  }
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}
