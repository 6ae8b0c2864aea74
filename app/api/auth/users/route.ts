import { NextResponse, type NextRequest } from "next/server";
import { getAuthDeps } from "@/lib/auth/deps";
import { jsonError, readBody } from "@/lib/auth/http";
import { authorizeRequest } from "@/lib/auth/session";
import { createConsoleUser, listConsoleUsers } from "@/lib/auth/user-admin";
import { fieldErrors, newUserSchema } from "@/lib/auth/user-schemas";

export const dynamic = "force-dynamic";

// The console's users, for admins.
export async function GET(req: NextRequest) {
  const auth = await authorizeRequest(req, "users:manage");
  if (auth instanceof Response) return auth;
  return NextResponse.json({ users: await listConsoleUsers(getAuthDeps()) }, { headers: { "Cache-Control": "no-store" } });
}

// Create a console user (admins).
export async function POST(req: NextRequest) {
  const auth = await authorizeRequest(req, "users:manage");
  if (auth instanceof Response) return auth;
  const parsed = newUserSchema.safeParse(await readBody(req));
  if (!parsed.success) return jsonError(400, "invalid_input", "Check the highlighted fields.", fieldErrors(parsed.error));
  const result = await createConsoleUser(getAuthDeps(), auth, parsed.data);
  if (!result.ok) return jsonError(409, result.code, result.message, { username: result.message });
  return NextResponse.json({ user: result.user }, { status: 201 });
}
