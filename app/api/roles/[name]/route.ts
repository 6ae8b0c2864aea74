import { authorizeRequest } from "@/lib/auth/session";
import { errorResponse } from "@/lib/inventory/http";
import { loadRoleDetail, roleNameSchema } from "@/lib/inventory/role-detail";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

export const dynamic = "force-dynamic";

// One role for the detail page: the role, parsed trust, attached policies with documents, lint, usage.
export async function GET(req: Request, ctx: { params: Promise<{ name: string }> }): Promise<Response> {
  const auth = await authorizeRequest(req, "inventory:read");
  if (auth instanceof Response) return auth;
  try {
    const name = roleNameSchema.parse((await ctx.params).name);
    return Response.json(await loadRoleDetail(getInventoryDeps(), name), { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return errorResponse(err);
  }
}
