import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../lib/db/connection";
import { MIGRATIONS, migrate } from "../../lib/db/migrations";

describe("SQLite store", () => {
  it("applies each migration once and records it", () => {
    const db = openDatabase(":memory:");
    const versions = db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all();
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
  });

  it("runs a new migration after the existing ones, in order", () => {
    const db = openDatabase(":memory:");
    const extra = [...MIGRATIONS, { version: 999, name: "probe", sql: "CREATE TABLE probe (x INTEGER)" }];
    expect(migrate(db, extra)).toEqual([999]);
    expect(db.prepare("SELECT name FROM schema_migrations WHERE version = 999").pluck().get()).toBe("probe");
  });

  it("uses WAL and enforces foreign keys on a file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rolescope-db-"));
    const db = openDatabase(path.join(dir, "nested", "console.db"));
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(() => db.prepare("INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES ('h', 'nobody', 0, 0, 1)").run()).toThrow(/FOREIGN KEY/);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses to change or delete audit entries, even with raw SQL", () => {
    const db = openDatabase(":memory:");
    db.prepare("INSERT INTO audit_log (at, actor, action, target, outcome) VALUES ('2026-01-01T00:00:00Z', 'alice', 'x', 't', 'success')").run();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'mallory'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    expect(db.prepare("SELECT actor FROM audit_log").pluck().all()).toEqual(["alice"]);
    expect(() => db.prepare("INSERT INTO audit_log (at, actor, action, target, outcome) VALUES ('t', 'a', 'x', 't', 'maybe')").run()).toThrow(/CHECK/);
  });
});
