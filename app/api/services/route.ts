import { apiRoute, json } from "@/lib/http/api-route";
import { loadServiceListing, loadServices } from "@/lib/inventory/load-services";
import { queryServices, servicesQuerySchema } from "@/lib/inventory/query";
import { pickRegions } from "@/lib/inventory/regions";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

export const dynamic = "force-dynamic";

// The services list the /services table polls: filtered, sorted and paged on the server. With
// `facts=none`, the same rows in the same order from EAS's list alone, before their health.
export const GET = apiRoute({ permission: "inventory:read", query: servicesQuerySchema }, async ({ actor, query }) => {
  const deps = getInventoryDeps();
  const regions = pickRegions(query.region, deps.cloud.eas.regions);
  const { rows, fetchedAt } = query.facts === "none" ? await loadServiceListing(deps, actor, regions) : await loadServices(deps, actor, regions);
  return json({ ...queryServices(rows, query, fetchedAt), regions: deps.cloud.eas.regions });
});
