import { z } from "zod";
import { apiRoute, json } from "@/lib/http/api-route";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { needsSchema } from "@/lib/setup/input";
import { listCandidateRoles } from "@/lib/setup/list-roles";
import { RULE_PATTERNS } from "@/lib/wizard/rules";

export const dynamic = "force-dynamic";

// Method 2, "pick an existing role": every role with whether EAS can assume it and which needs it covers.
export const POST = apiRoute({ permission: "wizard:generate", body: z.object({ needs: needsSchema, deployer: z.string().regex(RULE_PATTERNS.userName, "userName").optional() }) }, async ({ actor, body: { needs, deployer } }) => {
  return json({ roles: await listCandidateRoles(getInventoryDeps(), actor, needs, deployer) });
});
