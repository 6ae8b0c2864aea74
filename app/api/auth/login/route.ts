import { NextResponse } from "next/server";
import { getAuthDeps } from "@/lib/auth/server-deps";
import { seeOther, setSessionCookie } from "@/lib/auth/session-core";
import { setLocaleCookie, settleLocaleAtSignIn } from "@/lib/auth/locale";
import { clientAddress, isCrossOrigin, isHttps, readCookie, safeNextPath, SESSION_COOKIE } from "@/lib/auth/request";
import { signIn } from "@/lib/auth/sign-in";
import { loginSchema } from "@/lib/auth/user-schemas";
import { AppError } from "@/lib/errors/app-error";
import { fieldRules } from "@/lib/errors/zod-rules";
import { apiRoute, readBodyValue } from "@/lib/http/api-route";
import { NO_STORE } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

// Sign in with a username and password: JSON from the login page, or a plain form post without JavaScript.
export const POST = apiRoute({ permission: "public" }, async ({ req }) => {
  const isForm = (req.headers.get("content-type") ?? "").includes("form");
  const back = (error: string, next: string) => seeOther(`/login?error=${error}&next=${encodeURIComponent(next)}`);
  if (isCrossOrigin(req.headers, req.url)) throw new AppError("cross_origin", "auth.crossOriginSignIn");

  // An unreadable body is no sign-in (the schema names what is missing); an oversized one is a 413.
  const body = await readBodyValue(req).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "payload_too_large") throw err;
    return {};
  });
  const parsed = loginSchema.safeParse(body);
  if (!parsed.success) {
    if (isForm) return back("missing", "/");
    throw AppError.invalid(fieldRules(parsed.error), "auth.credentialsMissing");
  }
  const next = safeNextPath(parsed.data.next);
  const result = await signIn(getAuthDeps(), {
    username: parsed.data.username,
    password: parsed.data.password,
    address: clientAddress(req.headers),
    previousSessionId: readCookie(req.headers.get("cookie"), SESSION_COOKIE),
  });
  const secure = isHttps(req.headers);
  if (!result.ok) {
    // A failed attempt leaves any existing session alone: it only fails to start a new one.
    if (result.reason === "rate_limited") {
      if (isForm) return back("rate_limited", next);
      throw new AppError("rate_limited", "auth.rateLimited", { retryAfter: result.retryAfterSeconds });
    }
    if (isForm) return back("invalid", next);
    throw new AppError("invalid_credentials", "auth.invalidCredentials");
  }
  const res = isForm ? seeOther(next) : NextResponse.json({ user: result.user, next }, { headers: NO_STORE });
  setSessionCookie(res, result.sessionId, result.expiresAt, secure);
  const locale = await settleLocaleAtSignIn(getAuthDeps(), result.user, req.headers);
  if (locale) setLocaleCookie(res, locale, secure);
  return res;
});
