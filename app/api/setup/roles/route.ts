import { z } from "zod";
import { apiRoute, json } from "@/lib/http/api-route";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { needsSchema } from "@/lib/setup/input";
import { listCandidateRoles } from "@/lib/setup/list-roles";

export const dynamic = "force-dynamic";

// Method 2, "pick an existing role": every role with whether EAS can assume it and which needs it covers.
export const POST = apiRoute({ permission: "wizard:generate", body: z.object({ needs: needsSchema }) }, async ({ actor, body: { needs } }) => {
  return json({ roles: await listCandidateRoles(getInventoryDeps(), actor, needs) });
});
