import { z } from "zod";
import { authorizeRequest } from "@/lib/auth/session";
import { apiRoute, json, readQuery } from "@/lib/http/api-route";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { readDeployment } from "@/lib/setup/read-deployment";
import { REGION_PATTERN, REGION_RULE, SERVICE_NAME_PATTERN, SERVICE_NAME_RULE } from "@/lib/service-config/names";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  region: z.string().regex(REGION_PATTERN, REGION_RULE),
  name: z.string().regex(SERVICE_NAME_PATTERN, SERVICE_NAME_RULE),
});

// A deployment being followed: the service's status and newest events, read afresh on every poll.
export const GET = apiRoute(async (req: Request) => {
  const actor = await authorizeRequest(req, "inventory:read");
  const { region, name } = readQuery(req.url, querySchema);
  return json(await readDeployment(getInventoryDeps(), actor, region, name));
});
