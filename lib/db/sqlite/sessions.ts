import "server-only";
import type { Db } from "../connection";
import { toSession, type SessionRow as Row } from "../rows";
import type { SessionRecord, SessionStore } from "../types";

export function sqliteSessionStore(db: Db): SessionStore {
  const find = db.prepare<[string], Row>("SELECT * FROM sessions WHERE id_hash = ?");
  return {
    async create(s: SessionRecord) {
      db.prepare("INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)").run(
        s.idHash,
        s.userId,
        s.createdAt,
        s.lastSeenAt,
        s.expiresAt,
      );
    },
    async find(idHash) {
      const r = find.get(idHash);
      return r ? toSession(r) : null;
    },
    async touch(idHash, lastSeenAt) {
      db.prepare("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?").run(lastSeenAt, idHash);
    },
    async revoke(idHash) {
      db.prepare("DELETE FROM sessions WHERE id_hash = ?").run(idHash);
    },
    async revokeAllFor(userId) {
      return db.prepare("DELETE FROM sessions WHERE user_id = ?").run(userId).changes;
    },
    async pruneExpired(now, idleMs) {
      return db.prepare("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?").run(now, now - idleMs).changes;
    },
  };
}
