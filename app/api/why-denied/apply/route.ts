import { requestLocale } from "@/i18n/config";
import { getCloud } from "@/lib/cloud";
import { CloudError } from "@/lib/cloud/types";
import { applyDenialFix } from "@/lib/denials/apply";
import { applyDenialBody } from "@/lib/denials/route-input";
import { AppError } from "@/lib/errors/app-error";
import { fromCloudError } from "@/lib/errors/from";
import { apiRoute, json } from "@/lib/http/api-route";
import { getWriteDeps } from "@/lib/writes/server-deps";

export const dynamic = "force-dynamic";

// Applies the grant /api/why-denied previewed (admins): the confirmation names the preview's token.
export const POST = apiRoute({ permission: "cloud:write", body: applyDenialBody }, async ({ req, actor, body }) => {
  const out = await applyDenialFix(getCloud().ram, getWriteDeps(), actor, body.text, body.token);
  const answer = { ok: out.ok, steps: out.steps, requestIds: out.requestIds, audit: out.audit };
  if (out.ok) return json(answer);
  const failed = out.steps.find((s) => s.state === "failed")?.error;
  const err = failed ? fromCloudError(new CloudError(failed)) : new AppError("cloud_unavailable", "fixes.stepFailed");
  return json({ error: err.toJSON(requestLocale(req.headers)), ...answer }, { status: err.status });
});
