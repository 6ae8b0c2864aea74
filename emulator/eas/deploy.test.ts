import { describe, expect, it } from "vitest";
import { buildEasTrustPolicy, buildPassRolePolicy } from "../../lib/policy/builders";
import type { Caller } from "../core/contract";
import { ASSUME_ROLE_DENIED_MESSAGE } from "./event-messages";
import { createEasModule } from "./index";
import { allowPolicy, createTestRam, request, rootCaller, TEST_ACCOUNT, testContext, userCaller } from "../../tests/support/cloud/test-ram";

const arn = (role: string) => `acs:ram::${TEST_ACCOUNT}:role/${role}`;
const ossRead = allowPolicy("AliyunOSSReadOnlyAccess", ["oss:Get*", "oss:List*"]);
const crRead = allowPolicy("AliyunContainerRegistryReadOnlyAccess", ["cr:Get*", "cr:List*", "cr:Pull*"]);
const ecsTrust = { Version: "1" as const, Statement: [{ Effect: "Allow" as const, Action: ["sts:AssumeRole"], Principal: { Service: ["ecs.aliyuncs.com"] } }] };

function setup() {
  const ram = createTestRam();
  ram.roles.set("reader", { trust: buildEasTrustPolicy(), policies: [ossRead] });
  ram.users.set("bob", [allowPolicy("eas", ["eas:*"]), { name: "pass", document: buildPassRolePolicy("reader") }]);
  ram.users.set("carol", [allowPolicy("eas", ["eas:*"])]);
  const eas = createEasModule({ regions: ["cn-hangzhou", "ap-southeast-1"], deployDelayMs: 10_000, ram: ram.view, onChange: () => undefined });
  const call = (caller: Caller, method: string, path: string, query: Record<string, string> = {}, body = "") =>
    eas.handle(request(method, path, query, body), testContext(ram.view, caller));
  const deploy = (caller: Caller, config: Record<string, unknown>) => call(caller, "POST", "/api/v2/services", {}, JSON.stringify(config));
  const describe = (name: string) => call(rootCaller, "GET", `/api/v2/services/cn-hangzhou/${name}`).body;
  const events = (name: string) => call(rootCaller, "GET", `/api/v2/services/cn-hangzhou/${name}/events`).body.Events as { Type: string; Reason: string; Message: string; Resource: string }[];
  const update = (caller: Caller, name: string, patch: Record<string, unknown>) => call(caller, "PUT", `/api/v2/services/cn-hangzhou/${name}`, {}, JSON.stringify(patch));
  return { ram, eas, call, deploy, describe, events, update };
}

const custom = (name: string, role: string, extra: Record<string, unknown> = {}) => ({
  name,
  metadata: { instance: 2, cpu: 2, memory: 4000 },
  options: { enable_ram_role: true },
  role_arn: arn(role),
  containers: [{ image: "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/python-inference:py39", port: 8000 }],
  ...extra,
});
const ossMount = (bucket: string, readOnly = true) => ({ storage: [{ oss: { path: `oss://${bucket}/models/`, readOnly }, mount_path: "/mnt/models" }] });

describe("simulated deployments", () => {
  it("stays Creating until the delay passes, then runs with scaling events and Running instances", () => {
    const t = setup();
    expect(t.deploy(rootCaller, custom("ok", "reader", ossMount("images"))).body.Status).toBe("Creating");
    expect(t.describe("ok").Status).toBe("Creating");
    t.eas.settle();
    const svc = t.describe("ok");
    expect(svc).toMatchObject({ Status: "Running", RunningInstance: 2, TotalInstance: 2, CurrentVersion: 1, LatestVersion: 1 });
    const ev = t.events("ok");
    expect(ev.every((e) => e.Type === "Normal")).toBe(true);
    const last = JSON.parse(ev[ev.length - 1].Message);
    expect(last).toEqual({ versionId: 1, message: "Stage scale complete", availableInstance: 2, unavailableInstance: 0 });
    const inst = t.call(rootCaller, "GET", "/api/v2/services/cn-hangzhou/ok/instances").body;
    expect(inst.TotalCount).toBe(2);
    expect((inst.Instances as { Status: string }[]).map((i) => i.Status)).toEqual(["Running", "Running"]);
    expect(t.call(rootCaller, "GET", "/api/v2/services/cn-hangzhou/ok/diagnosis").body.DiagnosisList).toEqual([]);
  });

  it("1. a role that does not exist fails with EntityNotExist.Role naming the ARN; creating the role fixes it", () => {
    const t = setup();
    t.deploy(rootCaller, custom("gone", "deleted-role"));
    t.eas.settle();
    expect(t.describe("gone").Status).toBe("Failed");
    const [warn] = t.events("gone").filter((e) => e.Type === "Warning");
    expect(warn.Message).toContain("EntityNotExist.Role");
    expect(warn.Message).toContain("The specified Role not exists.");
    expect(warn.Message).toContain(arn("deleted-role"));
    t.ram.roles.set("deleted-role", { trust: buildEasTrustPolicy(), policies: [] });
    t.call(rootCaller, "PUT", "/api/v2/services/cn-hangzhou/gone/start");
    t.eas.settle();
    expect(t.describe("gone").Status).toBe("Running");
  });

  it("a role ARN of another account counts as missing", () => {
    const t = setup();
    t.deploy(rootCaller, custom("other", "reader", { role_arn: "acs:ram::999:role/reader" }));
    t.eas.settle();
    expect(t.events("other").find((e) => e.Type === "Warning")?.Message).toContain("EntityNotExist.Role");
  });

  it("2. a RAM user without PassRole fails naming user and role; root never needs it; granting PassRole fixes it", () => {
    const t = setup();
    t.deploy(userCaller("carol"), custom("by-carol", "reader"));
    t.deploy(rootCaller, custom("by-root", "reader"));
    t.deploy(userCaller("bob"), custom("by-bob", "reader"));
    t.eas.settle();
    expect(t.describe("by-root").Status).toBe("Running");
    expect(t.describe("by-bob").Status).toBe("Running");
    expect(t.describe("by-carol").Status).toBe("Failed");
    const msg = t.events("by-carol").find((e) => e.Type === "Warning")?.Message ?? "";
    expect(msg).toMatch(/failed to pass role/);
    expect(msg).toContain("carol");
    expect(msg).toContain(arn("reader"));
    expect(msg).toContain("You are not authorized to do this action. You should be authorized by RAM.");
    t.ram.users.get("carol")?.push({ name: "pass", document: buildPassRolePolicy("reader") });
    t.update(userCaller("carol"), "by-carol", { metadata: { instance: 1 } });
    t.eas.settle();
    expect(t.describe("by-carol")).toMatchObject({ Status: "Running", TotalInstance: 1, CurrentVersion: 2 });
  });

  it("PassRole is decided with acs:Service = eas.pai.aliyuncs.com", () => {
    const t = setup();
    const onlyForEcs = { Version: "1" as const, Statement: [{ Effect: "Allow" as const, Action: ["ram:PassRole"], Resource: ["*"], Condition: { StringEquals: { "acs:Service": ["ecs.aliyuncs.com"] } } }] };
    t.ram.users.set("dave", [allowPolicy("eas", ["eas:*"]), { name: "pass-ecs", document: onlyForEcs }]);
    t.deploy(userCaller("dave"), custom("by-dave", "reader"));
    t.eas.settle();
    expect(t.describe("by-dave").Status).toBe("Failed");
  });

  it("Method 1 never needs PassRole", () => {
    const t = setup();
    t.deploy(userCaller("carol"), { name: "m1", options: { enable_ram_role: true }, metadata: { workspace_id: "1234" }, ...ossMount("data") });
    t.eas.settle();
    expect(t.describe("m1").Status).toBe("Running");
  });

  it("3. a trust policy without EAS fails with the real message; adding EAS to the trust fixes it", () => {
    const t = setup();
    t.ram.roles.set("ecs-batch", { trust: ecsTrust, policies: [ossRead] });
    t.deploy(rootCaller, custom("batch", "ecs-batch"));
    t.eas.settle();
    const svc = t.describe("batch");
    expect(svc.Status).toBe("Failed");
    expect(svc.Message).toBe(ASSUME_ROLE_DENIED_MESSAGE);
    expect(t.events("batch").filter((e) => e.Type === "Warning").map((e) => e.Message)).toEqual([
      "unable to render, error: failed to assume role for user, reason: You are not authorized to do this action. You should be authorized by RAM.",
    ]);
    const diag = t.call(rootCaller, "GET", "/api/v2/services/cn-hangzhou/batch/diagnosis").body.DiagnosisList as { Error: string }[];
    expect(diag[0].Error).toBe(ASSUME_ROLE_DENIED_MESSAGE);
    t.ram.roles.set("ecs-batch", { trust: buildEasTrustPolicy({ alsoTrust: ["ecs.aliyuncs.com"] }), policies: [ossRead] });
    t.update(rootCaller, "batch", {});
    t.eas.settle();
    expect(t.describe("batch").Status).toBe("Running");
    expect(t.call(rootCaller, "GET", "/api/v2/services/cn-hangzhou/batch/diagnosis").body.DiagnosisList).toEqual([]);
  });

  it("4. Method 1 with an OSS mount and no workspace_id fails naming metadata.workspace_id", () => {
    const t = setup();
    t.deploy(rootCaller, { name: "ranker", options: { enable_ram_role: true }, ...ossMount("recsys") });
    t.eas.settle();
    expect(t.describe("ranker").Status).toBe("Failed");
    expect(t.events("ranker").find((e) => e.Type === "Warning")?.Message).toContain("metadata.workspace_id");
    t.update(rootCaller, "ranker", { metadata: { workspace_id: "5566" } });
    t.eas.settle();
    expect(t.describe("ranker")).toMatchObject({ Status: "Running", WorkspaceId: "5566" });
  });

  it("5. a mount the role may not read fails with FailedMount naming volume, path, action and resource", () => {
    const t = setup();
    t.ram.roles.set("no-oss", { trust: buildEasTrustPolicy(), policies: [allowPolicy("odps", ["odps:Read"])] });
    t.deploy(rootCaller, custom("ocr", "no-oss", ossMount("scans")));
    t.eas.settle();
    const warn = t.events("ocr").filter((e) => e.Type === "Warning");
    expect(warn.map((e) => e.Reason)).toEqual(["FailedMount", "FailedMount"]);
    expect(warn[0].Message).toContain('volume "oss-0"');
    expect(warn[0].Message).toContain("oss://scans/models/");
    expect(warn[0].Message).toContain("oss:ListObjects");
    expect(warn[0].Message).toContain(`acs:oss:*:${TEST_ACCOUNT}:scans`);
    expect(t.call(rootCaller, "GET", "/api/v2/services/cn-hangzhou/ocr/instances").body.Instances).toMatchObject([{ Status: "Pending" }, { Status: "Pending" }]);
    t.ram.roles.get("no-oss")?.policies.push(ossRead);
    t.update(rootCaller, "ocr", {});
    t.eas.settle();
    expect(t.describe("ocr").Status).toBe("Running");
  });

  it("a writable mount needs PutObject", () => {
    const t = setup();
    t.deploy(rootCaller, custom("writer", "reader", ossMount("out", false)));
    t.eas.settle();
    expect(t.events("writer").find((e) => e.Type === "Warning")?.Message).toContain("oss:PutObject");
  });

  it("6. a custom image the role may not pull fails with pull access denied, then BackOff", () => {
    const t = setup();
    const image = "registry.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4";
    t.deploy(rootCaller, custom("asr", "reader", { containers: [{ image, port: 8000 }] }));
    t.eas.settle();
    const warn = t.events("asr").filter((e) => e.Type === "Warning");
    expect(warn[0]).toMatchObject({ Reason: "Failed" });
    expect(warn[0].Message).toContain("pull access denied");
    expect(warn[0].Message).toContain("401 Unauthorized");
    expect(warn.map((e) => e.Reason)).toContain("BackOff");
    expect(t.describe("asr")).toMatchObject({ Status: "Failed", Reason: "ImagePullBackOff" });
    t.ram.roles.get("reader")?.policies.push(crRead);
    t.update(rootCaller, "asr", {});
    t.eas.settle();
    expect(t.describe("asr").Status).toBe("Running");
  });

  it("checks in order: a missing role wins over everything else", () => {
    const t = setup();
    t.deploy(userCaller("carol"), custom("order", "nope", ossMount("x", false)));
    t.eas.settle();
    expect(t.events("order").filter((e) => e.Type === "Warning")).toHaveLength(1);
    expect(t.describe("order").Message).toContain("EntityNotExist.Role");
  });

  it("decides from RAM as it is when the deployment ends, not when it was requested", () => {
    const t = setup();
    t.ram.roles.set("late", { trust: ecsTrust, policies: [] });
    t.deploy(rootCaller, custom("late-fix", "late"));
    t.ram.roles.set("late", { trust: buildEasTrustPolicy(), policies: [] });
    t.eas.settle();
    expect(t.describe("late-fix").Status).toBe("Running");
  });

  it("a service without a role runs", () => {
    const t = setup();
    t.deploy(userCaller("carol"), { name: "plain", metadata: { instance: 1 }, processor: "tensorflow_cpu_1.15", model_path: "oss://m/x/" });
    t.eas.settle();
    expect(t.describe("plain").Status).toBe("Running");
  });
});

describe("restart and timers", () => {
  it("re-arms deployments in flight from the snapshot and finishes them on time", async () => {
    const first = setup();
    first.deploy(rootCaller, custom("inflight", "reader"));
    const state = JSON.parse(JSON.stringify(first.eas.snapshot()));
    first.eas.dispose();
    let changes = 0;
    const again = createEasModule({ regions: ["cn-hangzhou"], deployDelayMs: 20, ram: first.ram.view, state, onChange: () => changes++, now: () => new Date(Date.now() + 10_000) });
    const ctx = testContext(first.ram.view, rootCaller);
    expect(again.handle(request("GET", "/api/v2/services/cn-hangzhou/inflight"), ctx).body.Status).toBe("Creating");
    await new Promise((r) => setTimeout(r, 40));
    expect(again.handle(request("GET", "/api/v2/services/cn-hangzhou/inflight"), ctx).body.Status).toBe("Running");
    expect(changes).toBeGreaterThan(0);
    again.dispose();
  });

  it("finishes on its own after deployDelayMs, and dispose() stops the timers", async () => {
    const ram = createTestRam();
    const eas = createEasModule({ regions: ["cn-hangzhou"], deployDelayMs: 15, ram: ram.view, onChange: () => undefined });
    const ctx = testContext(ram.view, rootCaller);
    eas.handle(request("POST", "/api/v2/services", {}, JSON.stringify({ name: "a" })), ctx);
    eas.handle(request("POST", "/api/v2/services", {}, JSON.stringify({ name: "b" })), ctx);
    eas.handle(request("DELETE", "/api/v2/services/cn-hangzhou/b"), ctx);
    await new Promise((r) => setTimeout(r, 40));
    expect(eas.handle(request("GET", "/api/v2/services/cn-hangzhou/a"), ctx).body.Status).toBe("Running");
    eas.handle(request("POST", "/api/v2/services", {}, JSON.stringify({ name: "c" })), ctx);
    eas.dispose();
    await new Promise((r) => setTimeout(r, 30));
    expect(eas.handle(request("GET", "/api/v2/services/cn-hangzhou/c"), ctx).body.Status).toBe("Creating");
  });

  it("rejects a snapshot it cannot read", () => {
    const ram = createTestRam();
    expect(() => createEasModule({ regions: ["cn-hangzhou"], deployDelayMs: 1, ram: ram.view, state: { version: 9 }, onChange: () => undefined })).toThrow(/EAS state/);
  });
});
