import "server-only";
import { createAuditLog } from "../audit/audit-log";
import { getStores } from "../db";
import { getEnv } from "../env";
import { getRamDirectory, type UserAdminDeps } from "./user-admin";
import type { AuthDeps } from "./types";

export function getAuthDeps(): AuthDeps {
  const env = getEnv();
  const stores = getStores();
  return {
    stores,
    audit: createAuditLog(stores.audit),
    policy: { idleMs: env.ROLESCOPE_SESSION_IDLE_MINUTES * 60_000, absoluteMs: env.ROLESCOPE_SESSION_MAX_HOURS * 3_600_000 },
    demo: env.demo,
    now: Date.now,
  };
}

/** What user management needs: the store, and RAM to check each link against. */
export function getUserAdminDeps(): UserAdminDeps {
  return { ...getAuthDeps(), ram: getRamDirectory() };
}
