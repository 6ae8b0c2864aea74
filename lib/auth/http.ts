import "server-only";
import { NextResponse } from "next/server";
import { SESSION_COOKIE } from "./request";

export function jsonError(status: number, code: string, message: string, fields?: Record<string, string>): NextResponse {
  return NextResponse.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status, headers: { "Cache-Control": "no-store" } });
}

export function setSessionCookie(res: NextResponse, sessionId: string, expiresAt: number, secure: boolean): void {
  res.cookies.set(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: "lax", secure, path: "/", expires: new Date(expiresAt) });
}

export function clearSessionCookie(res: NextResponse, secure: boolean): void {
  res.cookies.set(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 0 });
}

/** Reads a JSON or form body; anything unreadable becomes an empty object for the schema to reject. */
export async function readBody(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
      return Object.fromEntries([...(await req.formData()).entries()].filter(([, v]) => typeof v === "string"));
    }
    const text = await req.text();
    return text ? (JSON.parse(text) as unknown) : {};
  } catch {
    return {};
  }
}

/**
 * A 303 to a same-site path. The Location stays relative: behind `next start` the request URL's
 * host may read `localhost` while the browser used another name, which would leave the site.
 */
export function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}
