import { authorizeRequest } from "@/lib/auth/session";
import { apiRoute, json } from "@/lib/http/api-route";
import { fromZodError } from "@/lib/errors/from";
import { loadRoleDetail, roleNameSchema } from "@/lib/inventory/role-detail";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

export const dynamic = "force-dynamic";

// One role for the detail page: the role, parsed trust, attached policies with documents, lint, usage.
export const GET = apiRoute(async (req: Request, ctx: { params: Promise<{ name: string }> }) => {
  const actor = await authorizeRequest(req, "inventory:read");
  const name = roleNameSchema.safeParse((await ctx.params).name);
  if (!name.success) throw fromZodError(name.error, "name");
  return json(await loadRoleDetail(getInventoryDeps(), actor, name.data));
});
