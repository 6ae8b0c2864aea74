import { requestLocale } from "@/i18n/config";
import { AppError } from "@/lib/errors/app-error";
import { fromCloudError } from "@/lib/errors/from";
import { CloudError } from "@/lib/cloud/types";
import { applyFix } from "@/lib/fixes/apply-fix";
import { sayIn } from "@/lib/fixes/catalog";
import { diagnosisBody } from "@/lib/fixes/diagnosis-body";
import { loadFixes } from "@/lib/fixes/load-fixes";
import { confirmBody, fixParams } from "@/lib/fixes/route-input";
import { apiRoute, json } from "@/lib/http/api-route";
import { pickRegions } from "@/lib/inventory/regions";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { getWriteDeps } from "@/lib/writes/server-deps";

export const dynamic = "force-dynamic";

// A region the console does not serve is refused before any cloud call.
function inRegion<T extends { region: string }>(params: T): T {
  pickRegions([params.region], getInventoryDeps().cloud.eas.regions);
  return params;
}

// One fix of a service's diagnosis with its preview: exactly what applying it would send.
export const GET = apiRoute({ permission: "inventory:read", params: fixParams }, async ({ req, actor, params }) => {
  const { region, name, id } = inRegion(params);
  const fix = diagnosisBody(await loadFixes(getInventoryDeps(), actor, region, name), region, requestLocale(req.headers)).fixes.find((f) => f.id === id);
  if (!fix) throw AppError.notFound("fixes.notOffered", { name, id });
  return json({ fix });
});

// Applies one fix (admins): {"confirm": true, "token"?}; answers the audit entry and the cloud's RequestIds.
export const POST = apiRoute({ permission: "cloud:write", params: fixParams, body: confirmBody }, async ({ req, actor, params, body: { token } }) => {
  const { region, name, id } = inRegion(params);
  const out = await applyFix({ inventory: getInventoryDeps(), writes: getWriteDeps() }, actor, region, name, id, { token });
  const fix = { ...out.fix, title: sayIn(requestLocale(req.headers), out.fix.message.key, out.fix.message.values) };
  const body = { ok: out.ok, fix: { id: fix.id, kind: fix.kind, title: fix.title, redeploys: fix.redeploys, preview: fix.preview }, steps: out.steps, requestIds: out.requestIds, audit: out.audit };
  if (out.ok) return json(body);
  // A step failed: the cloud's answer as the error, and which steps happened beside it.
  const failed = out.steps.find((s) => s.state === "failed")?.error;
  const err = failed ? fromCloudError(new CloudError(failed)) : new AppError("cloud_unavailable", "fixes.stepFailed");
  return json({ error: err.toJSON(requestLocale(req.headers)), ...body }, { status: err.status });
});
