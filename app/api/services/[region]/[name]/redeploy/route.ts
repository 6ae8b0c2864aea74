import { redeployService } from "@/lib/fixes/redeploy-service";
import { redeployBody, serviceParams } from "@/lib/fixes/route-input";
import { apiRoute, json } from "@/lib/http/api-route";
import { pickRegions } from "@/lib/inventory/regions";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { getWriteDeps } from "@/lib/writes/server-deps";

export const dynamic = "force-dynamic";

// Deploys the service's config again (admins): {"confirm": true}; answers the audit entry and the RequestId.
export const POST = apiRoute({ permission: "cloud:write", params: serviceParams, body: redeployBody }, async ({ actor, params }) => {
  const { region, name } = params;
  pickRegions([region], getInventoryDeps().cloud.eas.regions);
  const out = await redeployService({ inventory: getInventoryDeps(), writes: getWriteDeps() }, actor, region, name);
  return json({ ok: out.ok, steps: out.steps, requestIds: out.requestIds, audit: out.audit }, { status: out.ok ? 200 : 502 });
});
