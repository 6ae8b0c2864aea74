import { getUserAdminDeps } from "@/lib/auth/server-deps";
import { changeConsoleUser } from "@/lib/auth/user-admin";
import { userChangeSchema } from "@/lib/auth/user-schemas";
import { apiRoute, json } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// Change a console user's role, enable or disable it, or link it to a RAM user (admins).
export const PATCH = apiRoute({ permission: "users:manage", body: userChangeSchema }, async ({ actor, body, params }) => {
  return json({ user: await changeConsoleUser(getUserAdminDeps(), actor, params.id, body) });
});
