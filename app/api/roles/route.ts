import { authorizeRequest } from "@/lib/auth/session";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { errorResponse } from "@/lib/inventory/http";
import { invalidateInventory } from "@/lib/inventory/fetch";
import { loadRoles } from "@/lib/inventory/load-roles";
import { paramsToObject, queryRoles, rolesQuerySchema } from "@/lib/inventory/query";

export const dynamic = "force-dynamic";

// The roles list the /roles table polls: filtered, sorted and paged on the server.
export async function GET(req: Request): Promise<Response> {
  const auth = await authorizeRequest(req, "inventory:read");
  if (auth instanceof Response) return auth;
  try {
    const params = new URL(req.url).searchParams;
    const query = rolesQuerySchema.parse(paramsToObject(params));
    const deps = getInventoryDeps();
    if (params.get("refresh") === "1") invalidateInventory(deps);
    const { rows, fetchedAt } = await loadRoles(deps, deps.cloud.eas.regions);
    return Response.json(queryRoles(rows, query, fetchedAt));
  } catch (err) {
    return errorResponse(err);
  }
}
