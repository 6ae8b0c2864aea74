import { requestLocale } from "@/i18n/config";
import { z } from "zod";
import { activityDays, DEFAULT_ACTIVITY_DAYS } from "@/lib/activity/days";
import { applyRightSize } from "@/lib/activity/right-size";
import { CloudError } from "@/lib/cloud/types";
import { AppError } from "@/lib/errors/app-error";
import { fromCloudError } from "@/lib/errors/from";
import { apiRoute, json } from "@/lib/http/api-route";
import { roleNameSchema } from "@/lib/inventory/role-detail";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { getWriteDeps } from "@/lib/writes/server-deps";

export const dynamic = "force-dynamic";

const body = z.object({
  confirm: z.boolean().refine((v) => v, "must be true"),
  token: z.string().regex(/^[0-9a-f]{32}$/, "previewTokenFormat"),
  days: activityDays.default(DEFAULT_ACTIVITY_DAYS),
});

// Replaces the role's policies with the right-sized one (admins): {"confirm": true, "token", "days"?}.
export const POST = apiRoute({ permission: "cloud:write", params: z.object({ name: roleNameSchema }), body }, async ({ req, actor, params, body: b }) => {
  const out = await applyRightSize({ inventory: getInventoryDeps(), writes: getWriteDeps() }, actor, params.name, b.days, b.token);
  const answer = { ok: out.ok, steps: out.steps, requestIds: out.requestIds, audit: out.audit, summary: out.summary };
  if (out.ok) return json(answer);
  const failed = out.steps.find((s) => s.state === "failed")?.error;
  const err = failed ? fromCloudError(new CloudError(failed)) : new AppError("cloud_unavailable", "rightSize.stepFailed");
  return json({ error: err.toJSON(requestLocale(req.headers)), ...answer }, { status: err.status });
});
