import { createAuditLog } from "../../lib/audit/audit-log";
import { openDatabase } from "../../lib/db/connection";
import { sqliteStores } from "../../lib/db/sqlite";
import { hashPassword } from "../../lib/auth/password";
import type { Role } from "../../lib/permissions";
import type { RamDirectory, UserAdminDeps } from "../../lib/auth/user-admin";
import type { AuthDeps } from "../../lib/auth/types";

/** A RAM account holding exactly these users, for tests of user management that are not about RAM. */
export function ramHolding(...names: string[]): RamDirectory {
  return { names: async () => names, has: async (name) => names.some((n) => n.toLowerCase() === name.toLowerCase()) };
}

// A real store in memory and a clock the test moves by hand.
export function harness(policy = { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000 }, demo = false) {
  const db = openDatabase(":memory:");
  const stores = sqliteStores(db);
  let now = Date.parse("2026-03-01T09:00:00Z");
  const deps: AuthDeps = { stores, audit: createAuditLog(stores.audit, () => new Date(now)), policy, demo, now: () => now };
  return {
    db,
    deps,
    /** User management's deps, with a RAM account holding `ramUsers`. */
    admin: (ram: RamDirectory = ramHolding("alice", "bob", "carol", "dana")): UserAdminDeps => ({ ...deps, ram }),
    stores,
    advance: (ms: number) => void (now += ms),
    async addUser(username: string, role: Role, password = `${username}-password-1`) {
      return stores.users.create({ username, displayName: username.toUpperCase(), role, ramUserName: null, passwordHash: await hashPassword(password) });
    },
    async audit() {
      return (await stores.audit.list({}, 0, 1000)).entries;
    },
  };
}
