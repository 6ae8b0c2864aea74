import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { control, easGateway, ramGateway } from "../support/cloud/clients";
import { createCloud } from "../../lib/cloud/create-cloud";
import { parseEnv } from "../../lib/env";
import { diagnosisBody } from "../../lib/fixes/diagnosis-body";
import { loadFixes } from "../../lib/fixes/load-fixes";
import { createInventoryDeps } from "../../lib/inventory/deps";
import { loadServiceEvents } from "../../lib/inventory/load-service-detail";
import { loadServices } from "../../lib/inventory/load-services";
import { ENGINEER } from "../support/actors";

// A deployment in flight is never diagnosed from a stale read: while the service is Creating the
// diagnosis says it is deploying and what the rules predict; the moment it fails, the next read
// says why, though the console's cache (15 s) still held the Creating state.

const HZ = "cn-hangzhou";
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 600_000, log: () => {} });
  const rootOnly = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { RAM: ["acs:ram::1784200000000001:root"] } }] });
  await ramGateway(emu.port).createRole({ roleName: "fl-root-only", assumeRolePolicyDocument: rootOnly });
});
afterAll(() => emu?.close());

describe("a deploy in flight", () => {
  it("is read live until it settles: deploying with its predicted failure, then the failure itself at once", async () => {
    const deps = createInventoryDeps(createCloud(parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emu.port}`, ROLESCOPE_REGIONS: HZ })), { ttlMs: 15_000 });
    const config = { name: "fl_svc", metadata: { instance: 1 }, options: { enable_ram_role: true }, role_arn: "acs:ram::1784200000000001:role/fl-root-only" };
    await easGateway(emu).createService(HZ, JSON.stringify(config));
    const during = await loadFixes(deps, ENGINEER, HZ, "fl_svc");
    expect(during.diagnosis).toMatchObject({ status: "Creating", cause: { code: "NONE" }, deploying: { predicted: { code: "TRUST_MISSING_EAS", subject: "fl-root-only" } } });
    expect(diagnosisBody(during, HZ, "en").deploying?.predicted?.summary).toContain("fl-root-only");
    // What a page following the deployment reads beside it: the newest events.
    expect((await loadServiceEvents(deps, ENGINEER, HZ, "fl_svc", 1, 8)).items.map((e) => e.reason)).toContain("CreateService");
    expect((await loadServices(deps, ENGINEER, [HZ])).rows.find((r) => r.name === "fl_svc")?.status).toBe("Creating");
    await control(emu.url, "POST", "/_emulator/settle");
    const after = await loadFixes(deps, ENGINEER, HZ, "fl_svc");
    expect(after.diagnosis).toMatchObject({ status: "Failed", cause: { code: "TRUST_MISSING_EAS" } });
    expect(after.diagnosis.deploying).toBeUndefined();
    // The settled state replaced the transitional one in the list too.
    expect((await loadServices(deps, ENGINEER, [HZ])).rows.find((r) => r.name === "fl_svc")).toMatchObject({ status: "Failed", cause: { code: "TRUST_MISSING_EAS" } });
  });
});
