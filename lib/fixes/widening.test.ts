import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { control, easGateway } from "../../tests/support/cloud/clients";
import { roleArnOf } from "../../tests/support/cloud/eas-scenario";
import { createCloud } from "../cloud/create-cloud";
import { parseEnv } from "../env";
import { createInventoryDeps, type InventoryDeps } from "../inventory/deps";
import { ENGINEER } from "../../tests/support/actors";
import { diagnosisBody } from "./diagnosis-body";
import { loadFixes } from "./load-fixes";

// The demo's churn-predictor names ecs-batch-role, a role trusted by ECS only. Adding EAS to that
// trust lets EAS (and whoever may pass the role to it) act as the ECS role: the preview says so,
// with the principals that already share the role and the other services that name it.
const HZ = "cn-hangzhou";

describe("a fix that widens who may assume a role", () => {
  let emu: RunningEmulator;
  let deps: () => InventoryDeps;

  beforeAll(async () => {
    emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20, log: () => {} });
    const cloud = createCloud(parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emu.port}`, ROLESCOPE_REGIONS: Object.keys(emu.regionPorts).join(",") }));
    deps = () => createInventoryDeps(cloud);
    const twin = { name: "churn-twin", metadata: { instance: 1, cpu: 2, memory: 4000 }, options: { enable_ram_role: true }, role_arn: roleArnOf("ecs-batch-role"), processor: "pmml" };
    await easGateway(emu).createService(HZ, JSON.stringify(twin));
    await control(emu.url, "POST", "/_emulator/settle");
  });
  afterAll(() => emu.close());

  it("names the principal it adds, the principals already trusted and the other services using the role", async () => {
    const body = diagnosisBody(await loadFixes(deps(), ENGINEER, HZ, "churn-predictor"), HZ, "en");
    const fix = body.fixes.find((f) => f.id === "add-eas-trust");
    expect(fix?.preview.widens).toEqual({
      role: "ecs-batch-role",
      principal: "eas.pai.aliyuncs.com",
      trusted: [{ kind: "Service", value: "ecs.aliyuncs.com" }],
      services: [{ region: HZ, name: "churn-twin" }],
    });
  });

  it("leaves the token as the plan alone decides it, and marks no other fix", async () => {
    const first = diagnosisBody(await loadFixes(deps(), ENGINEER, HZ, "churn-predictor"), HZ, "en").fixes.find((f) => f.id === "add-eas-trust")!;
    const { widens, token, ...rest } = first.preview;
    expect(widens).toBeDefined();
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.keys(rest).sort()).toEqual(["action", "steps", "target", "title"]);
    const other = diagnosisBody(await loadFixes(deps(), ENGINEER, HZ, "ocr-pipeline"), HZ, "en");
    expect(other.fixes.length).toBeGreaterThan(0);
    expect(other.fixes.every((f) => f.preview.widens === undefined)).toBe(true);
  });
});
