import { NextResponse, type NextRequest } from "next/server";
import { getAuthDeps } from "@/lib/auth/deps";
import { jsonError, readBody } from "@/lib/auth/http";
import { authorizeRequest } from "@/lib/auth/session";
import { changeConsoleUser } from "@/lib/auth/user-admin";
import { fieldErrors, userChangeSchema } from "@/lib/auth/user-schemas";

export const dynamic = "force-dynamic";

const STATUS = { not_found: 404, username_taken: 409, last_admin: 409, self_lockout: 409 } as const;

// Change a console user's role, enable or disable it, or link it to a RAM user (admins).
export async function PATCH(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRequest(req, "users:manage");
  if (auth instanceof Response) return auth;
  const parsed = userChangeSchema.safeParse(await readBody(req));
  if (!parsed.success) return jsonError(400, "invalid_input", "Check the highlighted fields.", fieldErrors(parsed.error));
  const { id } = await ctx.params;
  const result = await changeConsoleUser(getAuthDeps(), auth, id, parsed.data);
  if (!result.ok) return jsonError(STATUS[result.code], result.code, result.message);
  return NextResponse.json({ user: result.user });
}
