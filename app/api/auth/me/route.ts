import { NextResponse, type NextRequest } from "next/server";
import { getAuthDeps } from "@/lib/auth/deps";
import { jsonError } from "@/lib/auth/http";
import { permissionsOf } from "@/lib/auth/permissions";
import { readCookie, SESSION_COOKIE } from "@/lib/auth/request";
import { resolveSession } from "@/lib/auth/session-core";

export const dynamic = "force-dynamic";

// Who the browser is signed in as, and what that role may do (for client components).
export async function GET(req: NextRequest) {
  const user = await resolveSession(getAuthDeps(), readCookie(req.headers.get("cookie"), SESSION_COOKIE));
  if (!user) return jsonError(401, "unauthenticated", "Sign in to continue.");
  return NextResponse.json({ user, permissions: permissionsOf(user.role) }, { headers: { "Cache-Control": "no-store" } });
}
