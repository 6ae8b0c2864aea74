import { getAuthDeps } from "@/lib/auth/server-deps";
import { clearSessionCookie, seeOther } from "@/lib/auth/session-core";
import { isCrossOrigin, isHttps, readCookie, SESSION_COOKIE } from "@/lib/auth/request";
import { endSession, resolveSession } from "@/lib/auth/session-core";
import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// Sign out: revokes the session on the server and clears the cookie, then shows the login page.
export const POST = apiRoute({ permission: "public" }, async ({ req }) => {
  if (isCrossOrigin(req.headers, req.url)) throw new AppError("cross_origin", "auth.crossOrigin");
  const deps = getAuthDeps();
  const id = readCookie(req.headers.get("cookie"), SESSION_COOKIE);
  await endSession(deps, id, await resolveSession(deps, id));
  const res = seeOther("/login?signedOut=1");
  clearSessionCookie(res, isHttps(req.headers));
  return res;
});
