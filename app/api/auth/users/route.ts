import { getUserAdminDeps } from "@/lib/auth/deps";
import { authorizeRequest } from "@/lib/auth/session";
import { createConsoleUser, listConsoleUsers } from "@/lib/auth/user-admin";
import { newUserSchema } from "@/lib/auth/user-schemas";
import { apiRoute, json, readInput } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// The console's users, for admins.
export const GET = apiRoute(async (req: Request) => {
  const actor = await authorizeRequest(req, "users:manage");
  return json({ users: await listConsoleUsers(getUserAdminDeps(), actor) });
});

// Create a console user (admins).
export const POST = apiRoute(async (req: Request) => {
  const actor = await authorizeRequest(req, "users:manage");
  const input = await readInput(req, newUserSchema);
  return json({ user: await createConsoleUser(getUserAdminDeps(), actor, input) }, { status: 201 });
});
