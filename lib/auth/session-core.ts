import "server-only";
import { hashSessionId } from "./tokens";
import { toConsoleUser, type AuthDeps, type ConsoleUser } from "./types";

// Writing last-seen on every request would turn each page view into a write; once a minute is enough.
const TOUCH_EVERY_MS = 60_000;

export async function resolveSession(deps: AuthDeps, sessionId: string | undefined): Promise<ConsoleUser | null> {
  if (!sessionId || sessionId.length > 200) return null;
  const { sessions, users } = deps.stores;
  const idHash = hashSessionId(sessionId);
  const session = await sessions.find(idHash);
  if (!session) return null;
  const now = deps.now();
  if (now >= session.expiresAt || now - session.lastSeenAt >= deps.policy.idleMs) {
    await sessions.revoke(idHash);
    return null;
  }
  const user = await users.findById(session.userId);
  if (!user || user.disabled) {
    await sessions.revoke(idHash);
    return null;
  }
  if (now - session.lastSeenAt >= TOUCH_EVERY_MS) await sessions.touch(idHash, now);
  return toConsoleUser(user);
}

export async function endSession(deps: AuthDeps, sessionId: string | undefined, actor: ConsoleUser | null): Promise<void> {
  if (!sessionId) return;
  await deps.stores.sessions.revoke(hashSessionId(sessionId));
  if (actor) await deps.audit.append({ actor: actor.username, action: "auth.logout", target: actor.username, outcome: "success" });
}
