import { z } from "zod";
import { apiRoute, json } from "@/lib/http/api-route";
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
export const POST = apiRoute({ permission: "inventory:read", body: scopeSchema }, async ({ actor, body }) => {
  return json({ dropped: refreshInventory(getInventoryDeps(), actor, body) });
});
