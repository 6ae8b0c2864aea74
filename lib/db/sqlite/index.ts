import "server-only";
import type { Db } from "../connection";
import type { Stores } from "../types";
import { sqliteAuditStore } from "./audit";
import { sqliteLoginFailureStore } from "./login-failures";
import { sqliteSessionStore } from "./sessions";
import { sqliteUserStore } from "./users";

export function sqliteStores(db: Db): Stores {
  return {
    users: sqliteUserStore(db),
    sessions: sqliteSessionStore(db),
    loginFailures: sqliteLoginFailureStore(db),
    audit: sqliteAuditStore(db),
  };
}
