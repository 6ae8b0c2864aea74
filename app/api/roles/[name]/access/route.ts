import { z } from "zod";
import { apiRoute, json } from "@/lib/http/api-route";
import { loadRoleAccess } from "@/lib/access/load-role-access";
import { roleNameSchema } from "@/lib/inventory/role-detail";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

export const dynamic = "force-dynamic";

// Who can act as this role: by assuming it, by passing it to EAS, or through other roles; each path with its statements and cut.
export const GET = apiRoute({ permission: "inventory:read", params: z.object({ name: roleNameSchema }) }, async ({ actor, params }) => {
  const { paths } = await loadRoleAccess(getInventoryDeps(), actor, params.name);
  return json({ paths });
});
