import { z } from "zod";
import { requestLocale } from "@/i18n/config";
import { wordHealth } from "@/lib/diagnosis/health";
import { apiRoute, json } from "@/lib/http/api-route";
import { loadServiceDetail, loadServiceEvents } from "@/lib/inventory/load-service-detail";
import { pickRegions } from "@/lib/inventory/regions";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { serviceParams } from "@/lib/fixes/route-input";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  eventsPage: z.coerce.number().int().min(1).max(10_000).default(1),
  eventsPageSize: z.coerce.number().int().min(1).max(100).default(20),
});

// One service: its role chain, what it needs against what the role allows, and a page of events
// (eventsPage 1 holds the newest events, newest first).
export const GET = apiRoute({ permission: "inventory:read", params: serviceParams, query: querySchema }, async ({ req, actor, params, query: q }) => {
  const { region, name } = params;
  const deps = getInventoryDeps();
  pickRegions([region], deps.cloud.eas.regions);
  const [detail, events] = await Promise.all([
    loadServiceDetail(deps, actor, region, name),
    loadServiceEvents(deps, actor, region, name, q.eventsPage, q.eventsPageSize),
  ]);
  return json({ ...detail, health: wordHealth(detail.health, requestLocale(req.headers)), events });
});
