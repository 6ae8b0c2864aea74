import { authorizeRequest } from "@/lib/auth/session";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { errorResponse, pickRegions } from "@/lib/inventory/http";
import { invalidateInventory } from "@/lib/inventory/fetch";
import { loadServices } from "@/lib/inventory/load-services";
import { paramsToObject, queryServices, servicesQuerySchema } from "@/lib/inventory/query";

export const dynamic = "force-dynamic";

// The services list the /services table polls: filtered, sorted and paged on the server.
export async function GET(req: Request): Promise<Response> {
  const auth = await authorizeRequest(req, "inventory:read");
  if (auth instanceof Response) return auth;
  try {
    const params = new URL(req.url).searchParams;
    const query = servicesQuerySchema.parse(paramsToObject(params));
    const deps = getInventoryDeps();
    const regions = pickRegions(query.region, deps.cloud.eas.regions);
    if (params.get("refresh") === "1") invalidateInventory(deps);
    const { rows, fetchedAt } = await loadServices(deps, regions);
    return Response.json({ ...queryServices(rows, query, fetchedAt), regions: deps.cloud.eas.regions });
  } catch (err) {
    return errorResponse(err);
  }
}
