import "server-only";
import type { Db } from "../connection";
import type { NewNotification, NotificationRecord, NotificationStore } from "../types";

interface Row {
  id: number;
  recipient_id: string;
  request_id: string;
  event: string;
  at: string;
  read_at: string | null;
  detail: string;
}

const toRecord = (r: Row): NotificationRecord => ({
  id: r.id,
  recipientId: r.recipient_id,
  requestId: r.request_id,
  event: r.event,
  at: r.at,
  readAt: r.read_at,
  detail: JSON.parse(r.detail) as Record<string, unknown>,
});

export function sqliteNotificationStore(db: Db): NotificationStore {
  return {
    async add(n: NewNotification) {
      const info = db
        .prepare("INSERT INTO notifications (recipient_id, request_id, event, at, detail) VALUES (?, ?, ?, ?, ?)")
        .run(n.recipientId, n.requestId, n.event, n.at, JSON.stringify(n.detail));
      return { ...n, id: Number(info.lastInsertRowid), readAt: null };
    },
    async list(recipientId, opts) {
      const unread = opts.unreadOnly ? "AND read_at IS NULL" : "";
      return db
        .prepare<[string, number], Row>(`SELECT * FROM notifications WHERE recipient_id = ? ${unread} ORDER BY id DESC LIMIT ?`)
        .all(recipientId, opts.limit)
        .map(toRecord);
    },
    async countUnread(recipientId) {
      return db.prepare("SELECT COUNT(*) FROM notifications WHERE recipient_id = ? AND read_at IS NULL").pluck().get(recipientId) as number;
    },
    async markRead(recipientId, at) {
      return db.prepare("UPDATE notifications SET read_at = ? WHERE recipient_id = ? AND read_at IS NULL").run(at, recipientId).changes;
    },
  };
}
