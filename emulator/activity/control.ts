// POST /_emulator/activity: calls a role's session made to services the emulator does not serve
// (OSS, MaxCompute, Container Registry…), recorded as if ActionTrail had seen them.
import { z } from "zod";
import { ApiError } from "../core/contract";
import { readJson } from "../core/control-body";
import type { RamStore } from "../ram/store";
import { HISTORY_DAYS, LAST_ACCESS_DAYS, type ActivityLog } from "./log";
import { recordReported } from "./record";

const MAX_ENTRIES = 500;
const MAX_COUNT = 1000;
const MAX_CALLS_PER_REQUEST = 20_000;
/** The session the reported calls are made in. */
const REPORTED_SESSION = "rolescope-activity";
const DAY_MS = 86_400_000;
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,3})?)?(?:Z|[+-]\d\d:\d\d)$/;

function activitySchema(now: Date) {
  const oldest = now.getTime() - LAST_ACCESS_DAYS * DAY_MS;
  const entry = z
    .object({
      service: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, "must be a RAM action prefix in lower case, like oss, odps or cr"),
      action: z.string().regex(/^(?:[a-z][a-z0-9-]{0,31}:)?[A-Z][A-Za-z0-9]{0,127}$/, "must be an API name like GetObject, or service:GetObject"),
      resource: z.string().min(1, "must name the resource, like acs:oss:*:*:models/image-tagger/model.bin").max(1024, "must be at most 1024 characters"),
      at: z.string().superRefine((v, ctx) => {
        const ms = Date.parse(v);
        if (!ISO_TIME.test(v) || Number.isNaN(ms)) ctx.addIssue({ code: "custom", message: "must be an ISO 8601 time, like 2026-12-01T08:00:00Z" });
        else if (ms > now.getTime()) ctx.addIssue({ code: "custom", message: "must not be later than the emulator's clock" });
        else if (ms < oldest) ctx.addIssue({ code: "custom", message: `must be within the last ${LAST_ACCESS_DAYS} days` });
      }),
      count: z.number().int("must be a whole number").min(1, "must be at least 1").max(MAX_COUNT, `must be at most ${MAX_COUNT}`).default(1),
      errorCode: z.string().regex(/^[A-Za-z][A-Za-z0-9.]{0,63}$/, "must be an error code like AccessDenied or NoSuchKey").optional(),
    })
    .strict()
    .superRefine((e, ctx) => {
      const prefix = e.action.includes(":") ? e.action.split(":")[0] : undefined;
      if (prefix !== undefined && prefix !== e.service) ctx.addIssue({ code: "custom", path: ["action"], message: `names the service ${prefix}, not ${e.service}` });
    });
  return z
    .object({
      role: z.string().min(1, "must name a RAM role").max(64, "must be at most 64 characters"),
      events: z.array(entry).min(1, "must hold at least one entry").max(MAX_ENTRIES, `must hold at most ${MAX_ENTRIES} entries`),
    })
    .strict()
    .superRefine((b, ctx) => {
      const calls = b.events.reduce((n, e) => n + e.count, 0);
      if (calls > MAX_CALLS_PER_REQUEST) ctx.addIssue({ code: "custom", path: ["events"], message: `stand for ${calls} calls; one request may report at most ${MAX_CALLS_PER_REQUEST}` });
    });
}

type ActivityBody = z.infer<ReturnType<typeof activitySchema>>;

export function parseActivity(text: string, now: Date): ActivityBody {
  return readJson(activitySchema(now), text);
}

/** Records a checked body; answers what the control API returns. */
export function recordActivity(store: RamStore, log: ActivityLog, body: ActivityBody, region: string, now: Date): Record<string, unknown> {
  const role = store.findRole(body.role);
  if (!role) throw new ApiError(404, "EntityNotExist.Role", `role: the role does not exist: ${body.role}.`);
  const accessKeyId = `STS.NT${role.roleId.slice(-10)}Activity`;
  let calls = 0;
  let inHistory = 0;
  for (const e of body.events) {
    const action = e.action.includes(":") ? e.action.split(":")[1] : e.action;
    inHistory += recordReported(
      log,
      { role, sessionName: REPORTED_SESSION, accessKeyId, service: e.service, action, resource: e.resource, region, at: Date.parse(e.at), count: e.count, errorCode: e.errorCode },
      now,
    );
    calls += e.count;
  }
  return { ok: true, role: role.roleName, sessionName: REPORTED_SESSION, recorded: calls, inHistory, historyDays: HISTORY_DAYS };
}
