import "server-only";
import type Database from "better-sqlite3";

// Numbered, append-only: a released migration is never edited; a change is a new entry.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "console users and sessions",
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('engineer', 'admin')),
        ram_user_name TEXT,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE login_failures (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        bucket TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX login_failures_bucket ON login_failures(bucket, at);
    `,
  },
  {
    version: 2,
    name: "append-only audit log",
    sql: `
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
        request_id TEXT,
        detail TEXT
      );
      CREATE INDEX audit_log_at ON audit_log(at);
      CREATE INDEX audit_log_actor ON audit_log(actor, at);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    `,
  },
  {
    version: 3,
    name: "PassRole requests and their notifications",
    // The partial unique index is what keeps one open request per (RAM user, role): the database
    // refuses a second one, whichever replica inserts it. Both SQLite and PostgreSQL have it.
    sql: `
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
        expires_at TEXT,
        grant_request_ids TEXT NOT NULL DEFAULT '[]',
        removal TEXT NOT NULL DEFAULT 'none' CHECK (removal IN ('none', 'pending', 'done', 'failed')),
        removal_request_ids TEXT NOT NULL DEFAULT '[]',
        failure TEXT,
        lease_owner TEXT,
        lease_until TEXT,
        reminded_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        decided_at TEXT,
        granted_at TEXT,
        ended_at TEXT
      );
      CREATE UNIQUE INDEX passrole_requests_open_pair ON passrole_requests (lower(ram_user), lower(role_name))
        WHERE state IN ('pending', 'approved', 'granting', 'granted');
      CREATE INDEX passrole_requests_state ON passrole_requests (state, expires_at);
      CREATE INDEX passrole_requests_requester ON passrole_requests (requester_id, created_at);
      CREATE TABLE notifications (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        recipient_id TEXT NOT NULL,
        request_id TEXT NOT NULL REFERENCES passrole_requests(id),
        event TEXT NOT NULL,
        at TEXT NOT NULL,
        read_at TEXT,
        detail TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX notifications_recipient ON notifications (recipient_id, read_at, id);
    `,
  },
];

export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const applied = new Set(db.prepare("SELECT version FROM schema_migrations").pluck().all() as number[]);
  const ran: number[] = [];
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    // Several replicas may start at once: the transaction plus the primary key make one of them win.
    const done = db.transaction(() => {
      if (db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?").get(m.version)) return false;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
      return true;
    }).immediate();
    if (done) ran.push(m.version);
  }
  return ran;
}
