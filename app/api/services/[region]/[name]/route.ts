import { z } from "zod";
import { authorizeRequest } from "@/lib/auth/session";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { errorResponse, pickRegions } from "@/lib/inventory/http";
import { invalidateInventory } from "@/lib/inventory/fetch";
import { loadServiceDetail, loadServiceEvents } from "@/lib/inventory/load-service-detail";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({
  region: z.string().regex(/^[a-z]{2,}-[a-z0-9-]+$/),
  name: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "a service name is letters, digits, _ and -"),
});
const querySchema = z.object({
  eventsPage: z.coerce.number().int().min(1).max(10_000).default(1),
  eventsPageSize: z.coerce.number().int().min(1).max(100).default(20),
});

// One service: its role chain, what it needs against what the role allows, and a page of events
// (eventsPage 1 holds the newest events, newest first).
export async function GET(req: Request, ctx: { params: Promise<{ region: string; name: string }> }): Promise<Response> {
  const auth = await authorizeRequest(req, "inventory:read");
  if (auth instanceof Response) return auth;
  try {
    const { region, name } = paramsSchema.parse(await ctx.params);
    const sp = new URL(req.url).searchParams;
    const q = querySchema.parse({ eventsPage: sp.get("eventsPage") ?? undefined, eventsPageSize: sp.get("eventsPageSize") ?? undefined });
    const deps = getInventoryDeps();
    pickRegions([region], deps.cloud.eas.regions);
    if (sp.get("refresh") === "1") invalidateInventory(deps);
    const [detail, events] = await Promise.all([
      loadServiceDetail(deps, region, name),
      loadServiceEvents(deps, region, name, q.eventsPage, q.eventsPageSize),
    ]);
    return Response.json({ ...detail, events });
  } catch (err) {
    return errorResponse(err);
  }
}
