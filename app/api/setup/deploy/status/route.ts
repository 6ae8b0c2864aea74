import { apiRoute, json } from "@/lib/http/api-route";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { readDeployment } from "@/lib/setup/read-deployment";
import { serviceParams } from "@/lib/fixes/route-input";

export const dynamic = "force-dynamic";

// A deployment being followed: the service's status and newest events, read afresh on every poll.
export const GET = apiRoute({ permission: "inventory:read", query: serviceParams }, async ({ actor, query: { region, name } }) => {
  return json(await readDeployment(getInventoryDeps(), actor, region, name));
});
