import { apiRoute, json } from "@/lib/http/api-route";
import { loadRoles } from "@/lib/inventory/load-roles";
import { queryRoles, rolesQuerySchema } from "@/lib/inventory/query";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

export const dynamic = "force-dynamic";

// The roles list the /roles table polls: filtered, sorted and paged on the server. When EAS
// cannot be read, the roles are still listed and `usage` says why the services are missing.
export const GET = apiRoute({ permission: "inventory:read", query: rolesQuerySchema }, async ({ actor, query }) => {
  const deps = getInventoryDeps();
  const { rows, fetchedAt, usageError } = await loadRoles(deps, actor, deps.cloud.eas.regions);
  return json({ ...queryRoles(rows, query, fetchedAt), usage: usageError ? { available: false, error: usageError } : { available: true } });
});
