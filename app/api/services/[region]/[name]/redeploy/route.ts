import { assertCloudWritable } from "@/lib/auth/cloud-write";
import { authorizeRequest } from "@/lib/auth/session";
import { fromZodError } from "@/lib/errors/from";
import { redeployService } from "@/lib/fixes/redeploy-service";
import { redeployBody, serviceParams } from "@/lib/fixes/route-input";
import { apiRoute, json, readInput } from "@/lib/http/api-route";
import { pickRegions } from "@/lib/inventory/regions";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { getWriteDeps } from "@/lib/writes/server-deps";

export const dynamic = "force-dynamic";

// Deploys the service's config again (admins): {"confirm": true}; answers the audit entry and the RequestId.
export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ region: string; name: string }> }) => {
  const actor = await authorizeRequest(req, "cloud:write");
  assertCloudWritable();
  const params = serviceParams.safeParse(await ctx.params);
  if (!params.success) throw fromZodError(params.error);
  const { region, name } = params.data;
  pickRegions([region], getInventoryDeps().cloud.eas.regions);
  await readInput(req, redeployBody);
  const out = await redeployService({ inventory: getInventoryDeps(), writes: getWriteDeps() }, actor, region, name);
  return json({ ok: out.ok, steps: out.steps, requestIds: out.requestIds, audit: out.audit }, { status: out.ok ? 200 : 502 });
});
