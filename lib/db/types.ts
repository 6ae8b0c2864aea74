import "server-only";
import { addBrand, hasBrand } from "../errors/brand";
import type { Role } from "../permissions";
import type { GrantDuration, RequestState } from "../request-workflow";

// The store's contracts. Callers see only these; ./sqlite (the embedded default) and ./postgres
// (several console replicas on one database) implement them, and one contract suite tests both.

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  ramUserName: string | null;
  /** The language the user chose in the console (`en`, `zh-CN`), so it follows them to another browser. */
  locale: string | null;
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export type NewUser = Pick<UserRecord, "username" | "displayName" | "role" | "ramUserName" | "passwordHash">;
export type UserChange = Partial<Pick<UserRecord, "displayName" | "role" | "ramUserName" | "disabled" | "passwordHash" | "locale">>;

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

/** The stores as seen inside a transaction: every call belongs to it. */
export interface TxStores {
  users: UserStore;
  sessions: SessionStore;
  loginFailures: LoginFailureStore;
  audit: AuditStore;
  passRoleRequests: PassRoleRequestStore;
  notifications: NotificationStore;
  planClaims: PlanClaimStore;
}

/**
 * Who is applying a previewed plan. A claim is keyed by the plan's token: while one holder's
 * claim runs (until `until`), nobody else takes it, on any replica.
 */
export interface PlanClaimStore {
  /** True when the token was free (or its last claim ran out at `now`) and is now `holder`'s. */
  take(token: string, holder: string, now: string, until: string): Promise<boolean>;
  release(token: string, holder: string): Promise<void>;
}

export interface Stores extends TxStores {
  /**
   * Runs `fn` in one database transaction: everything it writes through `tx` commits together,
   * or nothing does when it throws. A transaction inside one joins it.
   */
  transaction<T>(fn: (tx: TxStores) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` only while no other holder of the lock `name` runs: across every console replica
   * on PostgreSQL (an advisory lock, freed by the database when its holder dies), within this
   * process on SQLite. `{ ran: false }` when another holds it; nothing waits.
   */
  runExclusive<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  /** Resolves once the schema is up to date (the migrations ran); rejects when they cannot. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export class UsernameTakenError extends Error {
  static readonly brand = "UsernameTakenError";
  static [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, UsernameTakenError.brand);
  }
  constructor(readonly username: string) {
    super(`username ${username} is taken`);
    addBrand(this, UsernameTakenError.brand);
    this.name = "UsernameTakenError";
  }
}


/** One PassRole request: who asked for which role for which RAM user, and where it stands. */
export interface PassRoleRequestRecord {
  id: string;
  roleName: string;
  roleArn: string;
  ramUser: string;
  requesterId: string;
  /** Console username of the requester: who filed the request. */
  requester: string;
  /** The console user linked to `ramUser` when the request was filed (whom the grant is for); null when none was. */
  requestedForId: string | null;
  requestedFor: string | null;
  reason: string;
  /** As asked. */
  duration: GrantDuration;
  /** As approved (never longer than asked). */
  grantedDuration: GrantDuration | null;
  state: RequestState;
  /** Bumped by every state change. */
  version: number;
  approver: string | null;
  /** The reject reason. */
  decisionReason: string | null;
  /** Deterministic per (RAM user, role). */
  policyName: string;
  /** The exact document the grant creates, fixed at approval. */
  policyDocument: string | null;
  expiresAt: string | null;
  grantRequestIds: string[];
  /** Taking the policy away again after a revoke, an expiry or a failed grant. */
  removal: RemovalState;
  removalRequestIds: string[];
  failure: { code: string; message: string; requestId?: string } | null;
  /** Which console process is working on the request, until when (several replicas share one store). */
  leaseOwner: string | null;
  leaseUntil: string | null;
  remindedAt: string | null;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  grantedAt: string | null;
  endedAt: string | null;
  /** Console username of the admin who revoked the grant. */
  endedBy: string | null;
  /** Why it was revoked, when the admin said. */
  endReason: string | null;
}

export type RemovalState = "none" | "pending" | "done" | "failed";

export type NewPassRoleRequest = Pick<PassRoleRequestRecord, "roleName" | "roleArn" | "ramUser" | "requesterId" | "requester" | "requestedForId" | "requestedFor" | "reason" | "duration" | "policyName"> & {
  at: string;
};

export type PassRoleRequestChange = Partial<
  Pick<
    PassRoleRequestRecord,
    | "state"
    | "approver"
    | "decisionReason"
    | "grantedDuration"
    | "policyDocument"
    | "expiresAt"
    | "grantRequestIds"
    | "removal"
    | "removalRequestIds"
    | "failure"
    | "leaseOwner"
    | "leaseUntil"
    | "remindedAt"
    | "decidedAt"
    | "grantedAt"
    | "endedAt"
    | "endedBy"
    | "endReason"
  >
>;

/** What a row must look like for a conditional update to apply; the database checks it in the UPDATE itself. */
export interface RequestGuard {
  states: readonly RequestState[];
  /** Compare-and-set against a version read earlier. */
  version?: number;
  /** The lease is free at `now` (none, or run out), or already held by `owner` when one is named. */
  lease?: { owner?: string; now: string };
  /** No expiry reminder sent yet. */
  notReminded?: boolean;
  removal?: readonly RemovalState[];
}

export interface RequestQuery {
  states?: readonly RequestState[];
  requesterId?: string;
  /** Requests a console user filed, that were filed for them, or whose grant goes to their linked RAM user. */
  involving?: { userId: string; ramUser?: string };
  /** One (RAM user, role) pair, compared without regard to case as RAM does. */
  pair?: { ramUser: string; roleName: string };
  removal?: readonly RemovalState[];
  /** expires_at at or before this instant. */
  expiresBy?: string;
  notReminded?: boolean;
  grantedDurations?: readonly GrantDuration[];
  /** Lease free at this instant. */
  leaseFreeAt?: string;
  limit: number;
}

export interface PassRoleRequestStore {
  /** Throws `OpenRequestExistsError` when the pair already has a request in an open state. */
  create(request: NewPassRoleRequest): Promise<PassRoleRequestRecord>;
  find(id: string): Promise<PassRoleRequestRecord | null>;
  /** Newest first, with the total matching count. */
  list(query: RequestQuery): Promise<{ requests: PassRoleRequestRecord[]; total: number }>;
  /**
   * One conditional UPDATE: applies `change` only where the row matches `guard` (a state change
   * also bumps the version); null when it does not, because another writer got there first.
   */
  update(id: string, guard: RequestGuard, change: PassRoleRequestChange, at: string): Promise<PassRoleRequestRecord | null>;
}

/** An in-app notice about a request, for one console user. */
export interface NotificationRecord {
  id: number;
  recipientId: string;
  requestId: string;
  event: string;
  at: string;
  readAt: string | null;
  detail: Record<string, unknown>;
}

export type NewNotification = Omit<NotificationRecord, "id" | "readAt">;

export interface NotificationStore {
  add(n: NewNotification): Promise<NotificationRecord>;
  list(recipientId: string, opts: { unreadOnly?: boolean; limit: number }): Promise<NotificationRecord[]>;
  countUnread(recipientId: string): Promise<number>;
  /** Marks every unread notice of the recipient read; returns how many. */
  markRead(recipientId: string, at: string): Promise<number>;
}

// The store is made once per process, possibly by another bundle of this module (see index.ts),
// so the class a caller imports may not be the one that threw: both errors carry a global brand.
export class OpenRequestExistsError extends Error {
  static readonly brand = "OpenRequestExistsError";
  static [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, OpenRequestExistsError.brand);
  }
  constructor(readonly ramUser: string, readonly roleName: string) {
    super(`${ramUser} already has an open request for ${roleName}`);
    addBrand(this, OpenRequestExistsError.brand);
    this.name = "OpenRequestExistsError";
  }

  static is(err: unknown): err is OpenRequestExistsError {
    return err instanceof OpenRequestExistsError;
  }
}
