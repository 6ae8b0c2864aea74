// The control API under /_emulator/ (loopback only): reset, bulk seed, faults, stats, settle,
// clock, health, activity; the EAS platform's scenario endpoints are in control-platform.ts.
import { z } from "zod";
import { parseActivity, recordActivity } from "../activity/control";
import { HISTORY_DAYS, LAST_ACCESS_DAYS, MAX_EVENTS_PER_ACCOUNT } from "../activity/log";
import type { EmulatorApp } from "./app";
import { clockMoveSchema } from "./clock";
import { ApiError } from "./contract";
import { readJson as json, type ControlAnswer } from "./control-body";
import { handlePlatformControl } from "./control-platform";
import { faultSchema } from "./faults";

const resetSchema = z.object({ seed: z.enum(["demo", "empty"]).default("demo") });
const bulkSchema = z.object({
  roles: z.number().int().min(0).max(5000).default(0),
  services: z.number().int().min(0).max(20000).default(0),
});

export async function handleControl(app: EmulatorApp, method: string, path: string, body: string): Promise<ControlAnswer> {
  const key = `${method} ${path.replace(/\/+$/, "")}`;
  const platform = handlePlatformControl(app, key, body);
  if (platform) return platform;
  switch (key) {
    case "GET /_emulator/health":
      return {
        status: 200,
        body: { status: "ok", accountId: app.store.accountId, regions: app.opts.regions, regionPorts: app.regionPorts, genericRoleErrors: app.platform.genericRoleErrors, eventTexts: app.platform.eventTexts, updateMerge: app.platform.updateMerge, eas: true },
      };
    case "POST /_emulator/reset": {
      const { seed } = json(resetSchema, body);
      app.reseed(seed);
      return { status: 200, body: { ok: true, seed } };
    }
    case "POST /_emulator/seed/bulk": {
      const { roles, services } = json(bulkSchema, body);
      return { status: 200, body: { ok: true, ...app.seedBulk(roles, services) } };
    }
    case "PUT /_emulator/faults": {
      const fault = json(faultSchema, body);
      app.faults.set(fault);
      return { status: 200, body: { ok: true, faults: app.faults.list() } };
    }
    case "GET /_emulator/faults":
      return { status: 200, body: { faults: app.faults.list() } };
    case "DELETE /_emulator/faults":
      app.faults.clear();
      return { status: 200, body: { ok: true } };
    case "GET /_emulator/stats":
      return { status: 200, body: app.faults.stats() };
    case "DELETE /_emulator/stats":
      app.faults.resetStats();
      return { status: 200, body: { ok: true } };
    case "GET /_emulator/clock":
      return { status: 200, body: app.opts.clock.describe() };
    case "POST /_emulator/clock":
      app.opts.clock.move(json(clockMoveSchema, body));
      return { status: 200, body: app.opts.clock.describe() };
    case "POST /_emulator/activity": {
      const now = app.now();
      const answer = recordActivity(app.store, app.activity, parseActivity(body, now), app.opts.regions[0], now);
      app.activityChanged();
      return { status: 200, body: answer };
    }
    case "GET /_emulator/activity":
      app.activity.prune(app.now());
      return { status: 200, body: { events: app.activity.size, maxEvents: MAX_EVENTS_PER_ACCOUNT, historyDays: HISTORY_DAYS, lastAccessDays: LAST_ACCESS_DAYS } };
    case "POST /_emulator/settle":
      app.eas.settle();
      return { status: 200, body: { ok: true, eas: true } };
    default:
      throw new ApiError(404, "NotFound", `No control endpoint ${key}.`);
  }
}
