import "server-only";
import { NextResponse } from "next/server";
import { SESSION_COOKIE } from "./request";

export function setSessionCookie(res: NextResponse, sessionId: string, expiresAt: number, secure: boolean): void {
  res.cookies.set(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: "lax", secure, path: "/", expires: new Date(expiresAt) });
}

export function clearSessionCookie(res: NextResponse, secure: boolean): void {
  res.cookies.set(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 0 });
}

/**
 * A 303 to a same-site path. The Location stays relative: behind `next start` the request URL's
 * host may read `localhost` while the browser used another name, which would leave the site.
 */
export function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}
