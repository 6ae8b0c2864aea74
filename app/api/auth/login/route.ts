import { NextResponse, type NextRequest } from "next/server";
import { getAuthDeps } from "@/lib/auth/deps";
import { jsonError, readBody, seeOther, setSessionCookie } from "@/lib/auth/http";
import { clientAddress, isCrossOrigin, isHttps, readCookie, safeNextPath, SESSION_COOKIE } from "@/lib/auth/request";
import { signIn } from "@/lib/auth/sign-in";
import { fieldErrors, loginSchema } from "@/lib/auth/user-schemas";

export const dynamic = "force-dynamic";

// Sign in with a username and password: JSON from the login page, or a plain form post without JavaScript.
export async function POST(req: NextRequest) {
  const isForm = (req.headers.get("content-type") ?? "").includes("form");
  const back = (error: string, next: string) => seeOther(`/login?error=${error}&next=${encodeURIComponent(next)}`);
  if (isCrossOrigin(req.headers, req.url)) return jsonError(403, "cross_origin", "Cross-origin sign-in is not allowed.");

  const parsed = loginSchema.safeParse(await readBody(req));
  if (!parsed.success) {
    return isForm ? back("missing", "/") : jsonError(400, "invalid_input", "Enter a username and a password.", fieldErrors(parsed.error));
  }
  const next = safeNextPath(parsed.data.next);
  const result = await signIn(getAuthDeps(), {
    username: parsed.data.username,
    password: parsed.data.password,
    address: clientAddress(req.headers),
    previousSessionId: readCookie(req.headers.get("cookie"), SESSION_COOKIE),
  });
  const secure = isHttps(req.headers, req.url);
  if (!result.ok) {
    // A failed attempt leaves any existing session alone: it only fails to start a new one.
    if (result.reason === "rate_limited") {
      return isForm ? back("rate_limited", next) : jsonError(429, "rate_limited", "Too many failed sign-ins. Wait 15 minutes and try again.");
    }
    return isForm ? back("invalid", next) : jsonError(401, "invalid_credentials", "Wrong username or password.");
  }
  const res = isForm ? seeOther(next) : NextResponse.json({ user: result.user, next }, { headers: { "Cache-Control": "no-store" } });
  setSessionCookie(res, result.sessionId, result.expiresAt, secure);
  return res;
}
