import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createCloud, type Cloud } from "../../lib/cloud";
import { CLOUD_OPERATIONS } from "../../lib/cloud/operations";
import { createConsoleCredentials } from "../../lib/credentials";
import { parseEnv } from "../../lib/env";
import { loadFixes } from "../../lib/fixes/load-fixes";
import { createInventoryDeps } from "../../lib/inventory/deps";
import { loadServiceDetail } from "../../lib/inventory/load-service-detail";
import { loadServices } from "../../lib/inventory/load-services";
import { buildConsolePolicy } from "../../lib/policy";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { control, easGateway, rejection } from "../support/cloud/clients";
import { ENGINEER } from "../support/actors";
import { withoutCloudCredentials } from "../support/chain-env";
import { createConsoleRole, type ConsoleRole } from "../support/console-role";

// A service in a dedicated resource group is `acs:eas:<region>:<uid>:resource/<eas-r-id>/service/<name>`
// to RAM (Platform for AI, "RAM authorization"). The console, under nothing but the read-only
// policy it generates, lists it, opens it and diagnoses it; a policy naming only the
// `service/*` form is refused on it.

const HZ = "cn-hangzhou";
const GROUP = "eas-r-h7x9k2mq4d";
let emu: RunningEmulator;
let role: ConsoleRole;

beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} });
  const config = { name: "rg_scorer", metadata: { instance: 1, cpu: 2, memory: 4000, resource: GROUP }, options: { enable_ram_role: true }, role_arn: "acs:ram::1784200000000001:role/eas-oss-reader" };
  await easGateway(emu).createService(HZ, JSON.stringify(config));
  await control(emu.url, "POST", "/_emulator/settle");
  role = await createConsoleRole(emu.port, "RoleScopeConsoleRg", buildConsolePolicy(CLOUD_OPERATIONS, { mode: "read-only" }));
});
afterAll(() => emu.close());
beforeEach(() => {
  withoutCloudCredentials();
  vi.stubEnv("ALIBABA_CLOUD_CREDENTIALS_URI", role.uri);
});
afterEach(() => void vi.unstubAllEnvs());

function consoleCloud(): Cloud {
  const env = parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emu.port}`, ROLESCOPE_CREDENTIALS: "chain", ROLESCOPE_CREDENTIALS_FILE: "/nonexistent/rolescope", ROLESCOPE_REGIONS: HZ });
  return createCloud(env, { credentials: createConsoleCredentials(env) });
}

describe("a service in a dedicated resource group, under the generated read-only policy", () => {
  it("is listed, opened and diagnosed", async () => {
    const deps = createInventoryDeps(consoleCloud(), { ttlMs: 0 });
    const { rows } = await loadServices(deps, ENGINEER, [HZ]);
    expect(rows.find((r) => r.name === "rg_scorer")).toMatchObject({ status: "Running", roleName: "eas-oss-reader" });
    expect((await loadServiceDetail(deps, ENGINEER, HZ, "rg_scorer")).service.status).toBe("Running");
    const d = await loadFixes(deps, ENGINEER, HZ, "rg_scorer");
    expect(d.diagnosis.cause.code).toBe("NONE");
    const eas = consoleCloud().eas;
    expect((await eas.describeServiceEvents(HZ, "rg_scorer", {})).items.length).toBeGreaterThan(0);
    expect((await eas.listServiceInstances(HZ, "rg_scorer")).items).toHaveLength(1);
  });

  it("is refused to a policy that names only the service/* form", async () => {
    const plain = buildConsolePolicy(CLOUD_OPERATIONS.map((o) => (o.service === "eas" ? { ...o, resource: "acs:eas:{region}:*:service/*" } : o)), { mode: "read-only" });
    await role.setPolicy(plain);
    try {
      const eas = consoleCloud().eas;
      expect((await rejection<{ code: string }>(eas.describeService(HZ, "rg_scorer"))).code).toBe("NoPermission");
      // A service in the public pool is still its own `service/<name>`.
      expect((await eas.describeService(HZ, "fraud-detector")).serviceName).toBe("fraud-detector");
    } finally {
      await role.setPolicy(buildConsolePolicy(CLOUD_OPERATIONS, { mode: "read-only" }));
    }
  });
});
