import "server-only";
import type Database from "better-sqlite3";
import { SQLITE, type Dialect } from "./dialect";

// Numbered, append-only: a released migration is never edited; a change is a new entry. Each is
// written once for both databases, against the dialect's fragments (./dialect.ts).
export interface Migration {
  version: number;
  name: string;
  sql: string | ((d: Dialect) => string);
}

export const migrationSql = (m: Migration, d: Dialect): string => (typeof m.sql === "string" ? m.sql : m.sql(d));

/** In version order, without the ones already applied. */
export const pending = (migrations: readonly Migration[], applied: ReadonlySet<number>): Migration[] =>
  [...migrations].sort((a, b) => a.version - b.version).filter((m) => !applied.has(m.version));

export const SCHEMA_MIGRATIONS = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "console users and sessions",
    sql: (d) => `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL ${d.noCaseUnique},
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('engineer', 'admin')),
        ram_user_name TEXT,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at ${d.instant} NOT NULL,
        updated_at ${d.instant} NOT NULL
      );
      ${d.noCaseUniqueIndex("users", "username")}
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at ${d.epochMs} NOT NULL,
        last_seen_at ${d.epochMs} NOT NULL,
        expires_at ${d.epochMs} NOT NULL
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE login_failures (
        id ${d.serialKey},
        bucket TEXT NOT NULL,
        at ${d.epochMs} NOT NULL
      );
      CREATE INDEX login_failures_bucket ON login_failures(bucket, at);
    `,
  },
  {
    version: 2,
    name: "append-only audit log",
    sql: (d) => `
      CREATE TABLE audit_log (
        id ${d.serialKey},
        at ${d.instant} NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
        request_id TEXT,
        detail TEXT
      );
      CREATE INDEX audit_log_at ON audit_log(at);
      CREATE INDEX audit_log_actor ON audit_log(actor, at);
      ${d.appendOnly("audit_log")}
    `,
  },
  {
    version: 3,
    name: "PassRole requests and their notifications",
    // The partial unique index is what keeps one open request per (RAM user, role): the database
    // refuses a second one, whichever replica inserts it. Both SQLite and PostgreSQL have it.
    sql: (d) => `
      CREATE TABLE passrole_requests (
        id TEXT PRIMARY KEY,
        role_name TEXT NOT NULL,
        role_arn TEXT NOT NULL,
        ram_user TEXT NOT NULL,
        requester_id TEXT NOT NULL,
        requester TEXT NOT NULL,
        reason TEXT NOT NULL,
        duration TEXT NOT NULL CHECK (duration IN ('1d', '7d', '30d', 'permanent')),
        granted_duration TEXT CHECK (granted_duration IN ('1d', '7d', '30d', 'permanent')),
        state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'granting', 'granted', 'failed', 'rejected', 'cancelled', 'revoked', 'expired')),
        version INTEGER NOT NULL DEFAULT 1,
        approver TEXT,
        decision_reason TEXT,
        policy_name TEXT NOT NULL,
        policy_document TEXT,
        expires_at ${d.instant},
        grant_request_ids TEXT NOT NULL DEFAULT '[]',
        removal TEXT NOT NULL DEFAULT 'none' CHECK (removal IN ('none', 'pending', 'done', 'failed')),
        removal_request_ids TEXT NOT NULL DEFAULT '[]',
        failure TEXT,
        lease_owner TEXT,
        lease_until ${d.instant},
        reminded_at ${d.instant},
        created_at ${d.instant} NOT NULL,
        updated_at ${d.instant} NOT NULL,
        decided_at ${d.instant},
        granted_at ${d.instant},
        ended_at ${d.instant}
      );
      CREATE UNIQUE INDEX passrole_requests_open_pair ON passrole_requests (lower(ram_user), lower(role_name))
        WHERE state IN ('pending', 'approved', 'granting', 'granted');
      CREATE INDEX passrole_requests_state ON passrole_requests (state, expires_at);
      CREATE INDEX passrole_requests_requester ON passrole_requests (requester_id, created_at);
      CREATE TABLE notifications (
        id ${d.serialKey},
        recipient_id TEXT NOT NULL,
        request_id TEXT NOT NULL REFERENCES passrole_requests(id),
        event TEXT NOT NULL,
        at ${d.instant} NOT NULL,
        read_at ${d.instant},
        detail TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX notifications_recipient ON notifications (recipient_id, read_at, id);
    `,
  },
  {
    version: 4,
    name: "whom a PassRole request is for; plan claims",
    // A request filed by one console user may be for another's RAM user: that user sees it, may
    // cancel it and may never approve it. A plan claim is held by the one apply running a plan,
    // so concurrent applies of one previewed plan (on any replica) write to the cloud once.
    sql: (d) => `
      ALTER TABLE passrole_requests ADD COLUMN requested_for_id TEXT;
      ALTER TABLE passrole_requests ADD COLUMN requested_for TEXT;
      CREATE INDEX passrole_requests_requested_for ON passrole_requests (requested_for_id, created_at);
      CREATE TABLE plan_claims (
        token TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        held_until ${d.instant} NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: "console users' language",
    // NULL until the user picks a language; the console then follows the browser's.
    sql: "ALTER TABLE users ADD COLUMN locale TEXT",
  },
  {
    version: 6,
    name: "who revoked a PassRole grant, and why",
    // A revoked request says who took the grant back and why, not only when.
    sql: `
      ALTER TABLE passrole_requests ADD COLUMN ended_by TEXT;
      ALTER TABLE passrole_requests ADD COLUMN end_reason TEXT;
    `,
  },
];

export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(SCHEMA_MIGRATIONS);
  const applied = new Set(db.prepare("SELECT version FROM schema_migrations").pluck().all() as number[]);
  const ran: number[] = [];
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  for (const m of pending(migrations, applied)) {
    // Several processes may open the file at once: the transaction plus the primary key make one of them win.
    const done = db.transaction(() => {
      if (db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?").get(m.version)) return false;
      db.exec(migrationSql(m, SQLITE));
      record.run(m.version, m.name, new Date().toISOString());
      return true;
    }).immediate();
    if (done) ran.push(m.version);
  }
  return ran;
}
