import "server-only";
import { toSession, type SessionRow } from "../rows";
import type { SessionRecord, SessionStore } from "../types";
import type { Queryable } from "./pool";

// A session made on one replica is found by every other: the row is all there is to it.
export function postgresSessionStore(db: Queryable): SessionStore {
  return {
    async create(s: SessionRecord) {
      await db.query("INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5)", [s.idHash, s.userId, s.createdAt, s.lastSeenAt, s.expiresAt]);
    },
    async find(idHash) {
      const row = (await db.query<SessionRow>("SELECT * FROM sessions WHERE id_hash = $1", [idHash])).rows[0];
      return row ? toSession(row) : null;
    },
    async touch(idHash, lastSeenAt) {
      // Two replicas touching at once keep the later instant.
      await db.query("UPDATE sessions SET last_seen_at = GREATEST(last_seen_at, $2) WHERE id_hash = $1", [idHash, lastSeenAt]);
    },
    async revoke(idHash) {
      await db.query("DELETE FROM sessions WHERE id_hash = $1", [idHash]);
    },
    async revokeAllFor(userId) {
      return (await db.query("DELETE FROM sessions WHERE user_id = $1", [userId])).rowCount ?? 0;
    },
    async pruneExpired(now, idleMs) {
      return (await db.query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2", [now, now - idleMs])).rowCount ?? 0;
    },
  };
}
