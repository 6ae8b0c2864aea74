import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "../connection";
import { toUser, type UserRow as Row } from "../rows";
import { UsernameTakenError, type NewUser, type UserChange, type UserStore } from "../types";

const COLUMNS: Record<keyof UserChange, string> = {
  displayName: "display_name",
  role: "role",
  ramUserName: "ram_user_name",
  disabled: "disabled",
  passwordHash: "password_hash",
  locale: "locale",
};

export function sqliteUserStore(db: Db): UserStore {
  const byId = db.prepare<[string], Row>("SELECT * FROM users WHERE id = ?");
  const byName = db.prepare<[string], Row>("SELECT * FROM users WHERE username = ?");
  return {
    async count() {
      return db.prepare("SELECT COUNT(*) FROM users").pluck().get() as number;
    },
    async list() {
      return db.prepare<[], Row>("SELECT * FROM users ORDER BY username COLLATE NOCASE").all().map(toUser);
    },
    async findById(id) {
      const row = byId.get(id);
      return row ? toUser(row) : null;
    },
    async findByUsername(username) {
      const row = byName.get(username);
      return row ? toUser(row) : null;
    },
    async create(user: NewUser) {
      const now = new Date().toISOString();
      const id = randomUUID();
      try {
        db.prepare(
          "INSERT INTO users (id, username, display_name, role, ram_user_name, password_hash, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
        ).run(id, user.username, user.displayName, user.role, user.ramUserName, user.passwordHash, now, now);
      } catch (err) {
        if (err instanceof Error && "code" in err && err.code === "SQLITE_CONSTRAINT_UNIQUE") throw new UsernameTakenError(user.username);
        throw err;
      }
      return toUser(byId.get(id)!);
    },
    async update(id, change) {
      const keys = (Object.keys(change) as (keyof UserChange)[]).filter((k) => change[k] !== undefined);
      if (keys.length > 0) {
        const sets = keys.map((k) => `${COLUMNS[k]} = @${k}`).join(", ");
        const params: Record<string, string | number | null> = { id, updatedAt: new Date().toISOString() };
        for (const k of keys) {
          const v = change[k];
          params[k] = typeof v === "boolean" ? (v ? 1 : 0) : (v ?? null);
        }
        db.prepare(`UPDATE users SET ${sets}, updated_at = @updatedAt WHERE id = @id`).run(params);
      }
      const row = byId.get(id);
      return row ? toUser(row) : null;
    },
  };
}
