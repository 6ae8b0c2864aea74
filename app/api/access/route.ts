import { apiRoute, json } from "@/lib/http/api-route";
import { loadReach } from "@/lib/access/load-role-access";
import { reachQuerySchema } from "@/lib/access/schemas";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

export const dynamic = "force-dynamic";

// Who can reach a resource: every RAM user and role that may perform the action on it, directly or through a role.
export const GET = apiRoute({ permission: "inventory:read", query: reachQuerySchema }, async ({ actor, query }) => {
  return json(await loadReach(getInventoryDeps(), actor, query.action, query.resource));
});
