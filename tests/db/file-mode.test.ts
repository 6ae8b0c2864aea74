import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../lib/db/connection";

const mode = (f: string) => fs.statSync(f).mode & 0o777;

describe("the store's files", () => {
  it("are readable by the console's own user only: the database and its -wal and -shm", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rolescope-db-"));
    const file = path.join(dir, "nested", "rolescope.db");
    const db = openDatabase(file);
    db.prepare("INSERT INTO login_failures (bucket, at) VALUES ('x', 1)").run();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("tightens a store an earlier version left world-readable", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rolescope-db-"));
    const file = path.join(dir, "old.db");
    openDatabase(file).close();
    fs.chmodSync(file, 0o644);
    openDatabase(file).close();
    expect(mode(file)).toBe(0o600);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
