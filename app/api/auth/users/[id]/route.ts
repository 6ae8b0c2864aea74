import { getUserAdminDeps } from "@/lib/auth/deps";
import { authorizeRequest } from "@/lib/auth/session";
import { changeConsoleUser } from "@/lib/auth/user-admin";
import { userChangeSchema } from "@/lib/auth/user-schemas";
import { apiRoute, json, readInput } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// Change a console user's role, enable or disable it, or link it to a RAM user (admins).
export const PATCH = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await authorizeRequest(req, "users:manage");
  const change = await readInput(req, userChangeSchema);
  const { id } = await ctx.params;
  return json({ user: await changeConsoleUser(getUserAdminDeps(), actor, id, change) });
});
