import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addServicePrincipal, buildEasTrustPolicy, buildPassRolePolicy, EAS_SERVICE_PRINCIPAL } from "../policy";
import { DEMO_KEYS } from "../../emulator/seed/demo-keys";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { credentialFor, FAST_RETRY, ramGateway, rejection, ROOT_KEY, type KeyPair } from "../../tests/support/cloud/clients";
import { createEasGateway } from "./eas-gateway";
import { CloudError, type EasGateway } from "./types";
import { REQUEST_ID } from "../../tests/support/request-id";

const HZ = "cn-hangzhou";
const SG = "ap-southeast-1";
const UID = "1784200000000001";
const key = (u: keyof typeof DEMO_KEYS): KeyPair => ({ accessKeyId: DEMO_KEYS[u].id, accessKeySecret: DEMO_KEYS[u].secret });

function easGateway(emu: RunningEmulator, k: KeyPair = ROOT_KEY): EasGateway {
  return createEasGateway({
    regions: Object.keys(emu.regionPorts),
    endpointFor: (r) => `127.0.0.1:${emu.regionPorts[r]}`,
    protocol: "HTTP",
    credential: credentialFor(k),
    retry: FAST_RETRY,
    readTimeoutMs: 5000,
    connectTimeoutMs: 5000,
  });
}

async function cloudError(p: Promise<unknown>): Promise<CloudError> {
  const e = await rejection<CloudError>(p);
  expect(e).toBeInstanceOf(CloudError);
  expect(e.requestId).toMatch(REQUEST_ID);
  return e;
}

async function settle(emu: RunningEmulator): Promise<void> {
  const res = await fetch(`${emu.url}/_emulator/settle`, { method: "POST" });
  expect(res.status).toBe(200);
}

const warnings = async (eas: EasGateway, region: string, name: string) =>
  (await eas.describeServiceEvents(region, name, { eventType: "Warning" })).items.map((e) => e.message);

describe("the demo seed", () => {
  let emu: RunningEmulator;
  let eas: EasGateway;
  beforeAll(async () => {
    emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20 });
    eas = easGateway(emu);
  });
  afterAll(() => emu.close());

  it("yields exactly the listed outcomes, each with its events", async () => {
    const status = async (region: string) => Object.fromEntries((await eas.listAllServices(region)).map((s) => [s.serviceName, s.status]));
    expect(await status(HZ)).toEqual({
      "fraud-detector": "Running",
      "recsys-ranker": "Failed",
      "image-tagger": "Running",
      "churn-predictor": "Failed",
      "search-embedder": "Failed",
      "chat-summarizer": "Failed",
      "ocr-pipeline": "Failed",
      "speech-asr": "Failed",
    });
    expect(await status(SG)).toEqual({
      "llm-qwen-chat": "Running",
      "doc-classifier": "Running",
      "nas-feature-store": "Running",
      "translation-api": "Running",
      "batch-scorer": "Running",
      "sentiment-legacy": "Stopped",
    });
    expect((await warnings(eas, HZ, "recsys-ranker")).join("\n")).toContain("metadata.workspace_id");
    expect(await warnings(eas, HZ, "churn-predictor")).toContain(
      "unable to render, error: failed to assume role for user, reason: You are not authorized to do this action. You should be authorized by RAM.",
    );
    expect((await warnings(eas, HZ, "search-embedder")).join("\n")).toMatch(/EntityNotExist\.Role.*deleted-role|deleted-role.*EntityNotExist\.Role/);
    const pass = (await warnings(eas, HZ, "chat-summarizer")).join("\n");
    expect(pass).toContain("failed to pass role");
    expect(pass).toContain("carol");
    expect(pass).toContain("eas-restricted");
    expect((await warnings(eas, HZ, "ocr-pipeline")).join("\n")).toContain("oss://scanned-docs/inbox/");
    expect((await eas.describeServiceEvents(HZ, "ocr-pipeline", { eventType: "Warning" })).items[0].reason).toBe("FailedMount");
    const pull = await eas.describeServiceEvents(HZ, "speech-asr", { eventType: "Warning" });
    expect(pull.items.map((e) => e.reason)).toEqual(["Failed", "Failed", "BackOff", "Failed"]);
    expect(pull.items[0].message).toContain("registry.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4");
  });

  it("explains a failed deployment through DescribeServiceDiagnosis, and has nothing to say of a running one", async () => {
    const [diagnosis] = await eas.describeServiceDiagnosis(HZ, "churn-predictor");
    expect(diagnosis.error).toBeTruthy();
    expect(diagnosis.causes.join(" ")).toContain(`acs:ram::${UID}:role/ecs-batch-role`);
    expect(diagnosis.causes.join(" ")).toContain("eas.pai.aliyuncs.com");
    expect(diagnosis.advices.length).toBeGreaterThan(0);
    expect(await eas.describeServiceDiagnosis(HZ, "image-tagger")).toEqual([]);
  });

  it("has several days of history with updates behind the running services", async () => {
    const fraud = await eas.describeService(HZ, "fraud-detector");
    expect(fraud).toMatchObject({ latestVersion: 3, currentVersion: 3, totalInstance: 3, workspaceId: "38291" });
    expect(Date.now() - Date.parse(fraud.createTime)).toBeGreaterThan(10 * 86400_000);
    const events = await eas.describeServiceEvents(HZ, "fraud-detector", { startTime: "2000-01-01 00:00:00" });
    const days = new Set(events.items.map((e) => e.time.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(3);
    const recent = await eas.describeServiceEvents(HZ, "fraud-detector");
    expect(recent.totalCount).toBeLessThan(events.totalCount ?? 0);
    expect((await eas.listServiceInstances(SG, "llm-qwen-chat")).items.map((i) => i.status)).toEqual(["Running", "Running"]);
  });
});

describe("EasGateway against the emulator", () => {
  let emu: RunningEmulator;
  let eas: EasGateway;
  beforeAll(async () => {
    emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 30 });
    eas = easGateway(emu);
  });
  afterAll(() => emu.close());

  it("runs every operation with its documented shape", async () => {
    const config = JSON.stringify({ name: "gw_echo", metadata: { instance: 2, cpu: 2, memory: 2000 }, processor: "tensorflow_cpu_1.15" });
    const created = await eas.createService(HZ, config, { workspaceId: "777" });
    expect(created).toMatchObject({ serviceName: "gw_echo", status: "Creating", region: HZ });
    expect(created.serviceId).toMatch(/^eas-m-/);
    expect(created.requestId).toMatch(REQUEST_ID);
    await new Promise((r) => setTimeout(r, 80));
    const svc = await eas.describeService(HZ, "gw_echo");
    expect(svc).toMatchObject({ serviceName: "gw_echo", status: "Running", serviceConfig: config, workspaceId: "777", runningInstance: 2, totalInstance: 2, cpu: 2, memory: 2000, parentUid: UID });
    expect(svc.createTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const inst = await eas.listServiceInstances(HZ, "gw_echo");
    expect(inst.totalCount).toBe(2);
    expect(inst.items[0]).toMatchObject({ status: "Running", readyProcesses: 1, totalProcesses: 1 });
    expect(inst.items[0].hostIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const ev = await eas.describeServiceEvents(HZ, "gw_echo", { pageSize: 2 });
    expect(ev.items).toHaveLength(2);
    expect(ev.totalPageNum).toBe(Math.ceil((ev.totalCount ?? 0) / 2));
    expect(ev.items[0].time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect((await eas.updateService(HZ, "gw_echo", JSON.stringify({ metadata: { instance: 1 } }))).requestId).toMatch(REQUEST_ID);
    expect((await eas.describeService(HZ, "gw_echo")).status).toBe("Updating");
    await settle(emu);
    expect(await eas.describeService(HZ, "gw_echo")).toMatchObject({ status: "Running", totalInstance: 1, latestVersion: 2 });
    await eas.updateService(HZ, "gw_echo", JSON.stringify({ metadata: { instance: 1 } }), "replace");
    await settle(emu);
    expect(JSON.parse((await eas.describeService(HZ, "gw_echo")).serviceConfig)).toEqual({ name: "gw_echo", metadata: { instance: 1 } });
    expect((await eas.stopService(HZ, "gw_echo")).requestId).toMatch(REQUEST_ID);
    expect((await eas.describeService(HZ, "gw_echo")).status).toBe("Stopped");
    expect((await eas.startService(HZ, "gw_echo")).requestId).toMatch(REQUEST_ID);
    await settle(emu);
    expect((await eas.describeService(HZ, "gw_echo")).status).toBe("Running");
    expect((await eas.deleteService(HZ, "gw_echo")).requestId).toMatch(REQUEST_ID);
    expect((await cloudError(eas.describeService(HZ, "gw_echo"))).code).toBe("InvalidService.NotFound");
  });

  it("returns the cloud's errors with code, status and RequestId", async () => {
    const missing = await cloudError(eas.describeServiceEvents(HZ, "no-such-service"));
    expect(missing).toMatchObject({ code: "InvalidService.NotFound", httpStatus: 404 });
    expect((await cloudError(eas.createService(HZ, JSON.stringify({ name: "fraud-detector" })))).code).toBe("InvalidService.AlreadyExists");
    const bad = await cloudError(eas.createService(HZ, JSON.stringify({ name: "Has Spaces" })));
    expect(bad).toMatchObject({ code: "InvalidParameter.ServiceName", httpStatus: 400 });
    expect(bad.message).toContain("lowercase");
    expect((await cloudError(eas.listServices(HZ, { pageSize: 1000 }))).message).toContain("PageSize");
    expect((await cloudError(eas.startService(HZ, "fraud-detector"))).code).toBe("InvalidServiceStatus");
  });

  it("pages ListServices and filters by name and status", async () => {
    const names = (await eas.listAllServices(HZ)).map((s) => s.serviceName);
    const paged: string[] = [];
    for (let p = 1; ; p++) {
      const page = await eas.listServices(HZ, { pageNumber: p, pageSize: 3 });
      expect(page.totalCount).toBe(names.length);
      if (page.items.length === 0) break;
      paged.push(...page.items.map((s) => s.serviceName));
    }
    expect(paged).toEqual(names);
    expect((await eas.listAllServices(HZ, { pageSize: 2 })).map((s) => s.serviceName)).toEqual(names);
    expect((await eas.listServices(HZ, { serviceName: "pre" })).items.map((s) => s.serviceName).sort()).toEqual(["churn-predictor"]);
    const failed = await eas.listServices(HZ, { serviceStatus: "Failed" });
    expect(failed.items.every((s) => s.status === "Failed")).toBe(true);
    expect(failed.totalCount).toBeGreaterThan(0);
    const sorted = await eas.listServices(HZ, { sort: "ServiceName", order: "asc" });
    expect(sorted.items.map((s) => s.serviceName)).toEqual([...names].sort());
  });

  it("a RAM user needs eas permissions on the service", async () => {
    const ram = ramGateway(emu.port);
    const carol = easGateway(emu, key("carol"));
    expect((await carol.listServices(HZ)).totalCount).toBeGreaterThan(0);
    await ram.detachPolicyFromUser({ policyName: "AliyunPAIEASFullAccess", policyType: "System", userName: "carol" });
    try {
      const e = await cloudError(carol.listServices(HZ));
      expect(e).toMatchObject({ code: "NoPermission", httpStatus: 403 });
      expect((await cloudError(carol.describeService(HZ, "fraud-detector"))).code).toBe("NoPermission");
    } finally {
      await ram.attachPolicyToUser({ policyName: "AliyunPAIEASFullAccess", policyType: "System", userName: "carol" });
    }
  });
});

describe("fixing each failure cause in RAM, then updating or starting the service", () => {
  let emu: RunningEmulator;
  let eas: EasGateway;
  beforeAll(async () => {
    // Deployments end only when a test settles them, so "in flight" can be observed on a busy machine.
    emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 60_000 });
    eas = easGateway(emu);
  });
  afterAll(() => emu.close());

  const redeploy = async (gw: EasGateway, name: string, patch: Record<string, unknown> = {}) => {
    await gw.updateService(HZ, name, JSON.stringify(patch));
    await settle(emu);
    return eas.describeService(HZ, name);
  };

  it("trust: UpdateRole adds eas.pai.aliyuncs.com", async () => {
    const ram = ramGateway(emu.port);
    expect((await redeploy(eas, "churn-predictor")).status).toBe("Failed");
    const role = await ram.getRole("ecs-batch-role");
    const { policy } = addServicePrincipal(JSON.parse(role.assumeRolePolicyDocument), EAS_SERVICE_PRINCIPAL);
    await ram.updateRoleTrust("ecs-batch-role", JSON.stringify(policy));
    expect((await redeploy(eas, "churn-predictor")).status).toBe("Running");
  });

  it("mount: AttachPolicyToRole grants OSS read", async () => {
    await ramGateway(emu.port).attachPolicyToRole({ policyName: "AliyunOSSReadOnlyAccess", policyType: "System", roleName: "eas-no-oss" });
    expect((await redeploy(eas, "ocr-pipeline")).status).toBe("Running");
  });

  it("image: AttachPolicyToRole grants Container Registry read", async () => {
    await ramGateway(emu.port).attachPolicyToRole({ policyName: "AliyunContainerRegistryReadOnlyAccess", policyType: "System", roleName: "eas-image-no-cr" });
    expect(await redeploy(eas, "speech-asr")).toMatchObject({ status: "Running", runningInstance: 1 });
  });

  it("PassRole: a policy attached to carol lets her own update run", async () => {
    const ram = ramGateway(emu.port);
    const carol = easGateway(emu, key("carol"));
    expect((await redeploy(carol, "chat-summarizer")).status).toBe("Failed");
    await ram.createPolicy({ policyName: "PassRole-eas-restricted", policyDocument: JSON.stringify(buildPassRolePolicy("eas-restricted")) });
    await ram.attachPolicyToUser({ policyName: "PassRole-eas-restricted", policyType: "Custom", userName: "carol" });
    expect((await redeploy(carol, "chat-summarizer")).status).toBe("Running");
  });

  it("missing role: CreateRole, then StartService", async () => {
    await ramGateway(emu.port).createRole({ roleName: "deleted-role", assumeRolePolicyDocument: JSON.stringify(buildEasTrustPolicy()) });
    await eas.startService(HZ, "search-embedder");
    expect((await eas.describeService(HZ, "search-embedder")).status).toBe("Starting");
    await settle(emu);
    expect((await eas.describeService(HZ, "search-embedder")).status).toBe("Running");
  });

  it("workspace: setting metadata.workspace_id", async () => {
    expect((await redeploy(eas, "recsys-ranker", { metadata: { workspace_id: "38291" } })).status).toBe("Running");
  });

  it("breaking a role again makes the next update fail: nothing is fixed per service", async () => {
    await ramGateway(emu.port).detachPolicyFromRole({ policyName: "AliyunOSSReadOnlyAccess", policyType: "System", roleName: "eas-oss-reader" });
    const svc = await redeploy(eas, "image-tagger");
    expect(svc).toMatchObject({ status: "Failed", reason: "FailedMount" });
  });
});

describe("deployments in flight across a restart", () => {
  it("restores a Creating service from the state file and finishes it", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "eas-restart-"));
    try {
      const first = await createEmulator({ port: 0, seed: "empty", dataDir, deployDelayMs: 1500 });
      await easGateway(first).createService(HZ, JSON.stringify({ name: "survivor", metadata: { instance: 1 } }));
      await first.close();
      const second = await createEmulator({ port: 0, seed: "empty", dataDir, deployDelayMs: 1500 });
      try {
        const eas = easGateway(second);
        expect((await eas.describeService(HZ, "survivor")).status).toBe("Creating");
        let status = "";
        for (let i = 0; i < 40 && status !== "Running"; i++) {
          await new Promise((r) => setTimeout(r, 100));
          status = (await eas.describeService(HZ, "survivor")).status;
        }
        expect(status).toBe("Running");
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
