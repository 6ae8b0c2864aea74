import { getUserAdminDeps } from "@/lib/auth/server-deps";
import { createConsoleUser, listConsoleUsers } from "@/lib/auth/user-admin";
import { newUserSchema } from "@/lib/auth/user-schemas";
import { apiRoute, json } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// The console's users, for admins.
export const GET = apiRoute({ permission: "users:manage" }, async ({ actor }) => {
  return json({ users: await listConsoleUsers(getUserAdminDeps(), actor) });
});

// Create a console user (admins).
export const POST = apiRoute({ permission: "users:manage", body: newUserSchema }, async ({ actor, body }) => {
  return json({ user: await createConsoleUser(getUserAdminDeps(), actor, body) }, { status: 201 });
});
