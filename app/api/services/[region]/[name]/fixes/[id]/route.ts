import { requestLocale } from "@/i18n/config";
import { AppError } from "@/lib/errors/app-error";
import { rule } from "@/lib/errors/render";
import { fromCloudError } from "@/lib/errors/from";
import { CloudError } from "@/lib/cloud/types";
import { applyFix } from "@/lib/fixes/apply-fix";
import { sayIn } from "@/lib/fixes/catalog";
import { diagnosisBody } from "@/lib/fixes/diagnosis-body";
import { loadFixes } from "@/lib/fixes/load-fixes";
import { confirmBody, fixParams, fixQuery } from "@/lib/fixes/route-input";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { apiRoute, json } from "@/lib/http/api-route";
import { pickRegions } from "@/lib/inventory/regions";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

export const dynamic = "force-dynamic";

// A region the console does not serve is refused before any cloud call.
function inRegion<T extends { region: string }>(params: T): T {
  pickRegions([params.region], getInventoryDeps().cloud.eas.regions);
  return params;
}

// One fix of a service's diagnosis with its preview: exactly what applying it would send
// (`?duration=` previews a grant-passrole fix for that duration).
export const GET = apiRoute({ permission: "inventory:read", params: fixParams, query: fixQuery }, async ({ req, actor, params, query: { duration } }) => {
  const { region, name, id } = inRegion(params);
  const fix = diagnosisBody(await loadFixes(getInventoryDeps(), actor, region, name, { duration }), region, requestLocale(req.headers)).fixes.find((f) => f.id === id);
  if (!fix) throw AppError.notFound("fixes.notOffered", { name, id });
  if (duration !== undefined && !fix.preview.grant) throw AppError.invalid({ duration: rule("durationGrantOnly") });
  return json({ fix });
});

// Applies one fix (admins): {"confirm": true, "token"?, "duration"?}; answers the audit entry, the
// cloud's RequestIds and, for grant-passrole, the PassRole request it filed.
export const POST = apiRoute({ permission: "cloud:write", params: fixParams, body: confirmBody }, async ({ req, actor, params, body: { token, duration } }) => {
  const { region, name, id } = inRegion(params);
  const out = await applyFix(getApprovalDeps(), actor, region, name, id, { token, duration });
  const fix = { ...out.fix, title: sayIn(requestLocale(req.headers), out.fix.message.key, out.fix.message.values) };
  const body = {
    ok: out.ok,
    fix: { id: fix.id, kind: fix.kind, title: fix.title, redeploys: fix.redeploys, preview: fix.preview },
    steps: out.steps,
    requestIds: out.requestIds,
    audit: out.audit,
    ...(out.request ? { request: out.request } : {}),
  };
  if (out.ok) return json(body);
  // A step failed: the cloud's answer as the error, and which steps happened beside it.
  const failed = out.steps.find((s) => s.state === "failed")?.error;
  const err = failed ? fromCloudError(new CloudError(failed)) : new AppError("cloud_unavailable", "fixes.stepFailed");
  return json({ error: err.toJSON(requestLocale(req.headers)), ...body }, { status: err.status });
});
