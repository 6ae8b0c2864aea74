import { requestLocale } from "@/i18n/config";
import { wordHealth } from "@/lib/diagnosis/health";
import { apiRoute, json } from "@/lib/http/api-route";
import { loadServiceListing, loadServices } from "@/lib/inventory/load-services";
import { queryServices, servicesQuerySchema } from "@/lib/inventory/query";
import { pickRegions } from "@/lib/inventory/regions";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

export const dynamic = "force-dynamic";

// The services list the /services table polls: filtered, sorted and paged on the server. With
// `facts=none`, the same rows in the same order from EAS's list alone, before their health.
export const GET = apiRoute({ permission: "inventory:read", query: servicesQuerySchema }, async ({ req, actor, query }) => {
  const deps = getInventoryDeps();
  const regions = pickRegions(query.region, deps.cloud.eas.regions);
  if (query.facts === "none") {
    const { rows, fetchedAt } = await loadServiceListing(deps, actor, regions);
    return json({ ...queryServices(rows, query, fetchedAt), regions: deps.cloud.eas.regions });
  }
  const { rows, fetchedAt } = await loadServices(deps, actor, regions);
  const page = queryServices(rows, query, fetchedAt);
  const locale = requestLocale(req.headers);
  return json({ ...page, items: page.items.map((r) => ({ ...r, health: wordHealth(r.health, locale) })), regions: deps.cloud.eas.regions });
});
