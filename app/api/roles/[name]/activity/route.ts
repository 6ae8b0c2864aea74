import { apiRoute, json } from "@/lib/http/api-route";
import { z } from "zod";
import { activityQuery } from "@/lib/activity/days";
import { loadRoleActivity } from "@/lib/activity/load-role-activity";
import { offerRightSize } from "@/lib/activity/right-size";
import { roleNameSchema } from "@/lib/inventory/role-detail";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

export const dynamic = "force-dynamic";

// What the role's sessions did in the last `days` days, what went unused, the right-sized policy
// and, under `rightSize`, the preview of applying it (or why it is not offered).
export const GET = apiRoute({ permission: "inventory:read", params: z.object({ name: roleNameSchema }), query: activityQuery }, async ({ actor, params, query }) => {
  const deps = getInventoryDeps();
  const report = await loadRoleActivity(deps, actor, params.name, query.days);
  return json({ ...report, rightSize: await offerRightSize(deps, report) });
});
