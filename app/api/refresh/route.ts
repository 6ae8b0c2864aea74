import { z } from "zod";
import { authorizeRequest } from "@/lib/auth/session";
import { apiRoute, json, readInput } from "@/lib/http/api-route";
import { refreshInventory } from "@/lib/inventory/invalidate";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { REGION_PATTERN, REGION_RULE, SERVICE_NAME_PATTERN, SERVICE_NAME_RULE } from "@/lib/service-config/names";
import { roleNameSchema } from "@/lib/inventory/role-detail";

export const dynamic = "force-dynamic";

const scopeSchema = z.discriminatedUnion("what", [
  z.object({ what: z.literal("services") }),
  z.object({ what: z.literal("roles") }),
  z.object({ what: z.literal("service"), region: z.string().regex(REGION_PATTERN, REGION_RULE), name: z.string().regex(SERVICE_NAME_PATTERN, SERVICE_NAME_RULE) }),
  z.object({ what: z.literal("role"), name: roleNameSchema }),
]);

// "Refresh": the next read of what a view shows goes to the cloud instead of the console's cache.
export const POST = apiRoute(async (req: Request) => {
  const actor = await authorizeRequest(req, "inventory:read");
  const scope = await readInput(req, scopeSchema);
  return json({ dropped: refreshInventory(getInventoryDeps(), actor, scope) });
});
