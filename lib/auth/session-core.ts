import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { NextResponse } from "next/server";
import { SESSION_COOKIE } from "./request";
import { toConsoleUser, type AuthDeps } from "./types";
import { type ConsoleUser } from "../actor";

// A session: its id, its cookie, and reading and ending it.

// The cookie carries a random id; the store keeps only its SHA-256, so a leaked table cannot be replayed.
export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSessionId(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

export function setSessionCookie(res: NextResponse, sessionId: string, expiresAt: number, secure: boolean): void {
  res.cookies.set(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: "lax", secure, path: "/", expires: new Date(expiresAt) });
}

export function clearSessionCookie(res: NextResponse, secure: boolean): void {
  res.cookies.set(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 0 });
}

/**
 * A 303 to a same-site path, where sign-in and sign-out send the browser. The Location stays
 * relative: behind `next start` the request URL's host may read `localhost` while the browser
 * used another name, which would leave the site.
 */
export function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}

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
