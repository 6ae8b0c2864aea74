// Control endpoints that shape the EAS platform for deployment scenarios: instance faults
// (crash, OOM), per-region quotas, repositories the registry lacks, and how long deployments take.
import { deployDelaySchema, instanceFaultKeySchema, instanceFaultSchema, missingRepositorySchema, quotaSchema } from "../eas/platform";
import type { EmulatorApp } from "./app";
import { readJson, type ControlAnswer } from "./control-body";
import { ApiError } from "./contract";

const ok = (body: Record<string, unknown>): ControlAnswer => ({ status: 200, body });

function servedRegion(app: EmulatorApp, region: string): void {
  if (!app.opts.regions.includes(region)) {
    throw new ApiError(400, "InvalidRegionId", `The region ${region} is not served (regions: ${app.opts.regions.join(", ")}).`);
  }
}

function quotas(app: EmulatorApp) {
  return Object.fromEntries(app.opts.regions.map((r) => [r, { ...app.platform.quota(r), used: app.eas.usage(r) }]));
}

/** Answers the request, or undefined when `key` (`METHOD /path`) is not one of these endpoints. */
export function handlePlatformControl(app: EmulatorApp, key: string, body: string): ControlAnswer | undefined {
  const p = app.platform;
  switch (key) {
    case "GET /_emulator/faults/instances":
      return ok({ instanceFaults: p.listInstanceFaults() });
    case "PUT /_emulator/faults/instances": {
      const f = readJson(instanceFaultSchema, body);
      servedRegion(app, f.region);
      p.setInstanceFault(f);
      const appliedNow = app.eas.applyInstanceFault(f.region, f.service);
      return ok({ ok: true, appliedNow, instanceFaults: p.listInstanceFaults() });
    }
    case "DELETE /_emulator/faults/instances": {
      const which = readJson(instanceFaultKeySchema.partial(), body);
      if (which.region === undefined && which.service === undefined) {
        for (const f of p.listInstanceFaults()) p.clearInstanceFault(f.region, f.service);
        return ok({ ok: true, instanceFaults: [] });
      }
      const { region, service } = readJson(instanceFaultKeySchema, body);
      return ok({ ok: p.clearInstanceFault(region, service), instanceFaults: p.listInstanceFaults() });
    }
    case "GET /_emulator/quota":
      return ok({ quotas: quotas(app) });
    case "PUT /_emulator/quota": {
      const { region, ...q } = readJson(quotaSchema, body);
      servedRegion(app, region);
      p.setQuota(region, q);
      return ok({ ok: true, quotas: quotas(app) });
    }
    case "DELETE /_emulator/quota":
      p.resetQuotas();
      return ok({ ok: true, quotas: quotas(app) });
    case "GET /_emulator/registry":
      return ok({ missingRepositories: p.listMissing() });
    case "PUT /_emulator/registry/missing": {
      const m = readJson(missingRepositorySchema, body);
      if (m.region) servedRegion(app, m.region);
      p.markMissing(m.repository, m.region);
      return ok({ ok: true, missingRepositories: p.listMissing() });
    }
    case "DELETE /_emulator/registry/missing": {
      const m = readJson(missingRepositorySchema.partial(), body);
      if (m.repository === undefined) {
        p.clearMissing();
        return ok({ ok: true, missingRepositories: [] });
      }
      return ok({ ok: p.unmarkMissing(m.repository, m.region), missingRepositories: p.listMissing() });
    }
    case "GET /_emulator/deploy-delay":
      return ok({ deployDelayMs: p.deployDelay(app.opts.deployDelayMs) });
    case "PUT /_emulator/deploy-delay": {
      // Deployments started from now on; one already in flight keeps the time it was given.
      p.setDeployDelay(readJson(deployDelaySchema, body).ms);
      return ok({ ok: true, deployDelayMs: p.deployDelay(app.opts.deployDelayMs) });
    }
    case "DELETE /_emulator/deploy-delay":
      p.setDeployDelay(undefined);
      return ok({ ok: true, deployDelayMs: app.opts.deployDelayMs });
    default:
      return undefined;
  }
}
