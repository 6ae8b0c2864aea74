import { z } from "zod";
import { authorizeRequest } from "@/lib/auth/session";
import { fromZodError } from "@/lib/errors/from";
import { apiRoute, json, readQuery } from "@/lib/http/api-route";
import { loadServiceDetail, loadServiceEvents } from "@/lib/inventory/load-service-detail";
import { pickRegions } from "@/lib/inventory/regions";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { REGION_PATTERN, REGION_RULE, SERVICE_NAME_PATTERN, SERVICE_NAME_RULE } from "@/lib/service-config/names";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({
  region: z.string().regex(REGION_PATTERN, REGION_RULE),
  name: z.string().regex(SERVICE_NAME_PATTERN, SERVICE_NAME_RULE),
});
const querySchema = z.object({
  eventsPage: z.coerce.number().int().min(1).max(10_000).default(1),
  eventsPageSize: z.coerce.number().int().min(1).max(100).default(20),
});

// One service: its role chain, what it needs against what the role allows, and a page of events
// (eventsPage 1 holds the newest events, newest first).
export const GET = apiRoute(async (req: Request, ctx: { params: Promise<{ region: string; name: string }> }) => {
  const actor = await authorizeRequest(req, "inventory:read");
  const params = paramsSchema.safeParse(await ctx.params);
  if (!params.success) throw fromZodError(params.error);
  const { region, name } = params.data;
  const q = readQuery(req.url, querySchema);
  const deps = getInventoryDeps();
  pickRegions([region], deps.cloud.eas.regions);
  const [detail, events] = await Promise.all([
    loadServiceDetail(deps, actor, region, name),
    loadServiceEvents(deps, actor, region, name, q.eventsPage, q.eventsPageSize),
  ]);
  return json({ ...detail, events });
});
