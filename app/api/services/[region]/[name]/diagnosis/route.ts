import { requestLocale } from "@/i18n/config";
import { z } from "zod";
import { diagnosisBody } from "@/lib/fixes/diagnosis-body";
import { loadFixes } from "@/lib/fixes/load-fixes";
import { serviceParams } from "@/lib/fixes/route-input";
import { apiRoute, json } from "@/lib/http/api-route";
import { tags } from "@/lib/inventory/cache-tags";
import { loadServiceEvents } from "@/lib/inventory/load-service-detail";
import { pickRegions } from "@/lib/inventory/regions";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

export const dynamic = "force-dynamic";

const querySchema = z.object({ live: z.enum(["0", "1"]).default("0") });
const LIVE_EVENTS = 8;

// Why a service's deployment failed: the cause, its evidence, and the fixes with their previews.
// `live=1` (a page following a deployment) reads the service and its newest events afresh.
export const GET = apiRoute({ permission: "inventory:read", params: serviceParams, query: querySchema }, async ({ req, actor, params, query }) => {
  const { region, name } = params;
  const live = query.live === "1";
  const deps = getInventoryDeps();
  pickRegions([region], deps.cloud.eas.regions);
  if (live) deps.cache.invalidate({ tags: [tags.service(region, name)] });
  const [d, events] = await Promise.all([loadFixes(deps, actor, region, name), live ? loadServiceEvents(deps, actor, region, name, 1, LIVE_EVENTS) : undefined]);
  return json({ ...diagnosisBody(d, region, requestLocale(req.headers)), ...(events ? { events: events.items } : {}) });
});
