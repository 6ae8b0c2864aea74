import { apiRoute, json } from "@/lib/http/api-route";
import { z } from "zod";
import { loadRoleDetail, roleNameSchema } from "@/lib/inventory/role-detail";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

export const dynamic = "force-dynamic";

// One role for the detail page: the role, parsed trust, attached policies with documents, lint, usage.
export const GET = apiRoute({ permission: "inventory:read", params: z.object({ name: roleNameSchema }) }, async ({ actor, params }) => {
  return json(await loadRoleDetail(getInventoryDeps(), actor, params.name));
});
