import * as $Ram from "@alicloud/ram20150501";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { easGateway, ramClient, control } from "../support/cloud/clients";
import { createCloud } from "../../lib/cloud/create-cloud";
import { parseEnv } from "../../lib/env";
import { createInventoryDeps } from "../../lib/inventory/deps";
import { runPreflight } from "../../lib/preflight";
import { ENGINEER } from "../support/actors";
import { emulatorModes, modeOptions } from "../support/emulator-modes";

// The emulator decides deployments with its own rule table (emulator/eas/platform-rules.ts); the
// console predicts them with its readiness rules. For each config here both are asked, and they
// must agree: preflight finds an error exactly when the deployment fails. A disagreement is a bug
// in one of them, decided from the EAS documentation (README, "Where the two models disagreed").

const MODE = emulatorModes()[0];
let emu: RunningEmulator;
let uid: string;
const HZ = "cn-hangzhou";
const deps = () => createInventoryDeps(createCloud(parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emu.port}` })), { ttlMs: 0 });
const image = "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/python-inference:py310";

beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, ...modeOptions(MODE), log: () => {} });
  const ram = ramClient(emu.port);
  uid = (await ram.getRole(new $Ram.GetRoleRequest({ roleName: "eas-oss-reader" }))).body!.role!.arn!.split(":")[3];
  const trust = (service: string) => JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: [service] } }] });
  await ram.createRole(new $Ram.CreateRoleRequest({ roleName: "wit-ecs", assumeRolePolicyDocument: trust("ecs.aliyuncs.com") }));
  await ram.createRole(new $Ram.CreateRoleRequest({ roleName: "wit-bare", assumeRolePolicyDocument: trust("eas.pai.aliyuncs.com") }));
});
afterAll(() => emu?.close());

async function both(config: Record<string, unknown>) {
  const eas = easGateway(emu);
  await eas.createService(HZ, JSON.stringify(config));
  await control(emu.url, "POST", "/_emulator/settle");
  const svc = await eas.describeService(HZ, String(config.name));
  const pre = await runPreflight(deps(), ENGINEER, { config, region: HZ });
  // Under --event-texts opaque the Reason is a code: the stage is compared where the words are real.
  return { status: svc.status, reason: MODE === "event-texts-opaque" ? undefined : svc.reason, errors: pre.findings.filter((f) => f.severity === "error").map((f) => f.code) };
}

const reason = (r: string) => (MODE === "event-texts-opaque" ? {} : { reason: r });
const method1 = (name: string, extra: Record<string, unknown> = {}) => ({ name, options: { enable_ram_role: true }, containers: [{ image, port: 8000 }], ...extra });
const method2 = (name: string, role: string, extra: Record<string, unknown> = {}) => ({ ...method1(name, extra), role_arn: `acs:ram::${uid}:role/${role}` });

describe(`the emulator's platform and the console's readiness rules agree (${MODE})`, () => {
  it("Method 1 with an OSS address only the code reads: the workspace is needed, and preflight says so", async () => {
    // The guide asks for metadata.workspace_id "to call the OSS SDK through the PAI default role":
    // code that reads oss:// is such a call, whether or not the platform mounts anything.
    const code = { containers: [{ image, port: 8000, script: "python run.py --in oss://wit-raw/2024/" }] };
    expect(await both(method1("wit-m1-code", code))).toMatchObject({ status: "Failed", errors: ["WORKSPACE_ID_MISSING"] });
    expect(await both(method1("wit-m1-code-ws", { ...code, metadata: { workspace_id: "38291" } }))).toMatchObject({ status: "Running", errors: [] });
  });

  it("a custom role: trust, mounts and pulls", async () => {
    expect(await both(method2("wit-ecs", "wit-ecs"))).toMatchObject({ status: "Failed", errors: ["TRUST_MISSING_EAS"] });
    const mount = { storage: [{ oss: { path: "oss://wit-data/in/", readOnly: true }, mount_path: "/mnt/in" }] };
    expect(await both(method2("wit-bare-mount", "wit-bare", mount))).toMatchObject({ status: "Failed", ...reason("FailedMount"), errors: ["NEED_NOT_COVERED"] });
    expect(await both(method2("wit-reader-mount", "eas-oss-reader", mount))).toMatchObject({ status: "Running", errors: [] });
    const pull = { containers: [{ image: "registry-vpc.cn-hangzhou.aliyuncs.com/ml-team/asr:1.0", port: 8000 }] };
    expect(await both(method2("wit-bare-pull", "wit-bare", pull))).toMatchObject({ status: "Failed", ...reason("ImagePullBackOff"), errors: ["NEED_NOT_COVERED"] });
    expect(await both(method2("wit-gone", "wit-never-made"))).toMatchObject({ status: "Failed", errors: ["ROLE_NOT_FOUND"] });
  });
});
