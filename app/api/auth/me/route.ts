import { permissionsOf } from "@/lib/permissions";
import { currentRequestUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { apiRoute, json } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// Who the browser is signed in as, and what that role may do (for client components).
export const GET = apiRoute({ permission: "public" }, async ({ req }) => {
  const user = await currentRequestUser(req);
  if (!user) throw new AppError("unauthenticated", "auth.signIn");
  return json({ user, permissions: permissionsOf(user.role) });
});
