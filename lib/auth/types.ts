import "server-only";
import type { AuditLog } from "../audit/audit-log";
import type { Stores, UserRecord } from "../db/types";
import type { ConsoleUser } from "../actor";

interface SessionPolicy {
  /** Sliding: a session unused this long ends. */
  idleMs: number;
  /** Absolute: no session lives longer than this, however active. */
  absoluteMs: number;
}

export interface AuthDeps {
  stores: Stores;
  audit: AuditLog;
  policy: SessionPolicy;
  /** Demo mode: the published demo passwords may be used. */
  demo: boolean;
  now: () => number;
}

export function toConsoleUser(u: UserRecord): ConsoleUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    ...(u.ramUserName ? { ramUserName: u.ramUserName } : {}),
    ...(u.locale ? { locale: u.locale } : {}),
  };
}
