import "server-only";
import { toNotification, type NotificationRow } from "../rows";
import type { NewNotification, NotificationStore } from "../types";
import type { Queryable } from "./pool";

export function postgresNotificationStore(db: Queryable): NotificationStore {
  return {
    async add(n: NewNotification) {
      const { rows } = await db.query<{ id: number }>("INSERT INTO notifications (recipient_id, request_id, event, at, detail) VALUES ($1, $2, $3, $4, $5) RETURNING id", [
        n.recipientId,
        n.requestId,
        n.event,
        n.at,
        JSON.stringify(n.detail),
      ]);
      return { ...n, id: rows[0].id, readAt: null };
    },
    async list(recipientId, opts) {
      const unread = opts.unreadOnly ? "AND read_at IS NULL" : "";
      const { rows } = await db.query<NotificationRow>(`SELECT * FROM notifications WHERE recipient_id = $1 ${unread} ORDER BY id DESC LIMIT $2`, [recipientId, opts.limit]);
      return rows.map(toNotification);
    },
    async countUnread(recipientId) {
      return (await db.query<{ n: number }>("SELECT COUNT(*) AS n FROM notifications WHERE recipient_id = $1 AND read_at IS NULL", [recipientId])).rows[0].n;
    },
    async markRead(recipientId, at) {
      return (await db.query("UPDATE notifications SET read_at = $1 WHERE recipient_id = $2 AND read_at IS NULL", [at, recipientId])).rowCount ?? 0;
    },
  };
}
