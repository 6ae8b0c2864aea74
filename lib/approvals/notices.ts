import "server-only";
import { requirePermission, type Actor } from "../actor";
import type { ApprovalDeps } from "./deps";
import { APPROVAL_EVENTS, type ApprovalEvent, type RequestNotice } from "./types";

const isEvent = (v: string): v is ApprovalEvent => (APPROVAL_EVENTS as readonly string[]).includes(v);
const text = (v: unknown) => (typeof v === "string" ? v : "");

/** What changed on the reader's requests, newest first. */
export async function listNotices(deps: ApprovalDeps, actor: Actor, limit = 10): Promise<{ notices: RequestNotice[]; unread: number }> {
  requirePermission(actor, "passrole:request");
  const [rows, unread] = await Promise.all([deps.stores.notifications.list(actor.id, { limit }), deps.stores.notifications.countUnread(actor.id)]);
  const notices = rows.flatMap((n): RequestNotice[] =>
    isEvent(n.event)
      ? [{ id: n.id, requestId: n.requestId, event: n.event, at: n.at, read: n.readAt !== null, roleName: text(n.detail.roleName), ramUser: text(n.detail.ramUser), actor: text(n.detail.actor) }]
      : [],
  );
  return { notices, unread };
}

export async function markNoticesRead(deps: ApprovalDeps, actor: Actor): Promise<number> {
  requirePermission(actor, "passrole:request");
  return deps.stores.notifications.markRead(actor.id, deps.now().toISOString());
}
