import { z } from "zod";
import { authorizeRequest } from "@/lib/auth/session";
import { apiRoute, json, readInput } from "@/lib/http/api-route";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { needsSchema } from "@/lib/setup/input";
import { listCandidateRoles } from "@/lib/setup/list-roles";

export const dynamic = "force-dynamic";

// Method 2, "pick an existing role": every role with whether EAS can assume it and which needs it covers.
export const POST = apiRoute(async (req: Request) => {
  const actor = await authorizeRequest(req, "wizard:generate");
  const { needs } = await readInput(req, z.object({ needs: needsSchema }));
  return json({ roles: await listCandidateRoles(getInventoryDeps(), actor, needs) });
});
