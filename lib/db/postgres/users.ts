import "server-only";
import { randomUUID } from "node:crypto";
import { POSTGRES } from "../dialect";
import { Params } from "../requests-sql";
import { toUser, type UserRow } from "../rows";
import { UsernameTakenError, type NewUser, type UserChange, type UserStore } from "../types";
import { isUniqueViolation, type Queryable } from "./pool";

const COLUMNS: Record<keyof UserChange, string> = {
  displayName: "display_name",
  role: "role",
  ramUserName: "ram_user_name",
  disabled: "disabled",
  passwordHash: "password_hash",
  locale: "locale",
};

// Usernames compare without regard to case, as in SQLite (the unique index is on lower(username)).
export function postgresUserStore(db: Queryable): UserStore {
  const one = async (sql: string, values: unknown[]) => {
    const row = (await db.query<UserRow>(sql, values)).rows[0];
    return row ? toUser(row) : null;
  };
  return {
    async count() {
      return (await db.query<{ n: number }>("SELECT COUNT(*) AS n FROM users")).rows[0].n;
    },
    async list() {
      return (await db.query<UserRow>("SELECT * FROM users ORDER BY lower(username), username")).rows.map(toUser);
    },
    findById: (id) => one("SELECT * FROM users WHERE id = $1", [id]),
    findByUsername: (username) => one("SELECT * FROM users WHERE lower(username) = lower($1)", [username]),
    async create(user: NewUser) {
      const now = new Date().toISOString();
      try {
        const created = await one(
          `INSERT INTO users (id, username, display_name, role, ram_user_name, password_hash, disabled, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $7) RETURNING *`,
          [randomUUID(), user.username, user.displayName, user.role, user.ramUserName, user.passwordHash, now],
        );
        return created!;
      } catch (err) {
        if (isUniqueViolation(err, "users_username_nocase")) throw new UsernameTakenError(user.username);
        throw err;
      }
    },
    async update(id, change) {
      const keys = (Object.keys(change) as (keyof UserChange)[]).filter((k) => change[k] !== undefined);
      if (keys.length === 0) return one("SELECT * FROM users WHERE id = $1", [id]);
      const p = new Params(POSTGRES);
      const sets = keys.map((k) => {
        const v = change[k];
        return `${COLUMNS[k]} = ${p.add(typeof v === "boolean" ? (v ? 1 : 0) : (v ?? null))}`;
      });
      sets.push(`updated_at = ${p.add(new Date().toISOString())}`);
      return one(`UPDATE users SET ${sets.join(", ")} WHERE id = ${p.add(id)} RETURNING *`, p.values);
    },
  };
}
