import "server-only";
import type { Db } from "../connection";
import type { SessionRecord, SessionStore } from "../types";

interface Row {
  id_hash: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

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
      return r ? { idHash: r.id_hash, userId: r.user_id, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at } : null;
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
