import "server-only";
import type { Role } from "../auth/permissions";

// The store's contracts. Callers see only these; the SQLite modules in ./sqlite implement them,
// and a PostgreSQL store can implement them too. Methods are async for that reason.

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  ramUserName: string | null;
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export type NewUser = Pick<UserRecord, "username" | "displayName" | "role" | "ramUserName" | "passwordHash">;
export type UserChange = Partial<Pick<UserRecord, "displayName" | "role" | "ramUserName" | "disabled" | "passwordHash">>;

export interface UserStore {
  count(): Promise<number>;
  list(): Promise<UserRecord[]>;
  findById(id: string): Promise<UserRecord | null>;
  findByUsername(username: string): Promise<UserRecord | null>;
  /** Throws `UsernameTakenError` when the name exists (case-insensitive). */
  create(user: NewUser): Promise<UserRecord>;
  update(id: string, change: UserChange): Promise<UserRecord | null>;
}

export interface SessionRecord {
  idHash: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

export interface SessionStore {
  create(session: SessionRecord): Promise<void>;
  find(idHash: string): Promise<SessionRecord | null>;
  touch(idHash: string, lastSeenAt: number): Promise<void>;
  revoke(idHash: string): Promise<void>;
  revokeAllFor(userId: string): Promise<number>;
  pruneExpired(now: number, idleMs: number): Promise<number>;
}

export interface LoginFailureStore {
  record(buckets: string[], at: number): Promise<void>;
  count(bucket: string, since: number): Promise<number>;
  clear(bucket: string): Promise<void>;
  prune(before: number): Promise<void>;
}

export type AuditOutcome = "success" | "failure" | "denied";

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  outcome: AuditOutcome;
  requestId: string | null;
  detail: Record<string, unknown> | null;
}

export type NewAuditEntry = Omit<AuditEntry, "id">;

export interface AuditFilters {
  actor?: string;
  action?: string;
  outcome?: AuditOutcome;
  /** Inclusive ISO timestamps. */
  from?: string;
  to?: string;
  /** Only entries older than this id (keyset paging for exports). */
  beforeId?: number;
}

/** Append and read only: there is deliberately no update or delete. */
export interface AuditStore {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  list(filters: AuditFilters, offset: number, limit: number): Promise<{ entries: AuditEntry[]; total: number }>;
  actions(): Promise<string[]>;
}

export interface Stores {
  users: UserStore;
  sessions: SessionStore;
  loginFailures: LoginFailureStore;
  audit: AuditStore;
}

export class UsernameTakenError extends Error {
  constructor(readonly username: string) {
    super(`username ${username} is taken`);
    this.name = "UsernameTakenError";
  }
}
