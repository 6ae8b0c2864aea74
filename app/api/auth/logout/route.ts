import type { NextRequest } from "next/server";
import { getAuthDeps } from "@/lib/auth/deps";
import { clearSessionCookie, jsonError, seeOther } from "@/lib/auth/http";
import { isCrossOrigin, isHttps, readCookie, SESSION_COOKIE } from "@/lib/auth/request";
import { endSession, resolveSession } from "@/lib/auth/session-core";

export const dynamic = "force-dynamic";

// Sign out: revokes the session on the server and clears the cookie, then shows the login page.
export async function POST(req: NextRequest) {
  if (isCrossOrigin(req.headers, req.url)) return jsonError(403, "cross_origin", "Cross-origin requests may not change anything.");
  const deps = getAuthDeps();
  const id = readCookie(req.headers.get("cookie"), SESSION_COOKIE);
  await endSession(deps, id, await resolveSession(deps, id));
  const res = seeOther("/login?signedOut=1");
  clearSessionCookie(res, isHttps(req.headers, req.url));
  return res;
}
