import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { DEMO_KEYS } from "../../emulator/seed/demo-keys";
import { control, easGateway, ramGateway, ramRpc, type KeyPair } from "../../tests/support/cloud/clients";
import { easTrust, ecsTrust, roleArnOf } from "../../tests/support/cloud/eas-scenario";
import { createAuditLog } from "../audit/audit-log";
import { createCloud } from "../cloud/create-cloud";
import type { Cloud } from "../cloud/types";
import { openDatabase } from "../db/connection";
import { sqliteStores } from "../db/sqlite";
import { parseEnv } from "../env";
import { createInventoryDeps, type InventoryDeps } from "../inventory/deps";
import { invalidateFor } from "../inventory/invalidate";
import type { WriteDeps } from "../writes/run-plan";
import type { ApprovalDeps } from "../approvals/deps";
import { grantPolicyName } from "../approvals/plans";
import { listRequests } from "../approvals/read-requests";
import { revokeRequest } from "../approvals/revoke-request";
import { ADMIN, ENGINEER } from "../../tests/support/actors";
import { REQUEST_ID } from "../../tests/support/request-id";
import { emulatorModes, modeOptions } from "../../tests/support/emulator-modes";
import { applyFix } from "./apply-fix";
import { loadFixes } from "./load-fixes";
import { redeployService } from "./redeploy-service";

// Every cause, set up from scratch through the official clients in the emulator (roles made for
// the test, bob's own keys for PassRole), diagnosed by the console's code, fixed through the
// console's fixes, and redeployed to Running where a fix exists. Once per emulator mode: as the
// platform speaks; under --generic-role-errors, where the three role failures speak one message;
// and, in CI's emulator-modes stage, under --event-texts opaque (every word of a failure a code:
// the causes named from state stay named, the others are UNKNOWN) and --update-merge shallow
// (UpdateService merges top-level keys only: no fix may lose a field of the config).

const HZ = "cn-hangzhou";
const bob: KeyPair = { accessKeyId: DEMO_KEYS.bob.id, accessKeySecret: DEMO_KEYS.bob.secret };
const PAI_IMAGE = "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/python-inference:py310";
const svc = (name: string, role: string | undefined, extra: Record<string, unknown> = {}) => ({
  name,
  metadata: { instance: 1, cpu: 2, memory: 4000 },
  options: { enable_ram_role: true },
  ...(role ? { role_arn: roleArnOf(role) } : {}),
  containers: [{ image: PAI_IMAGE, port: 8000 }],
  ...extra,
});
const ossMount = (bucket: string) => ({ storage: [{ oss: { path: `oss://${bucket}/in/`, readOnly: true }, mount_path: "/mnt/in" }] });
const withImage = (image: string) => ({ containers: [{ image, port: 8000 }] });

/** What a role cause's diagnosis decides, without the event's own words, per run. */
const decided: Record<string, Record<string, unknown>> = {};

describe.each(emulatorModes(["real", "generic-role-errors"]))("emulator mode %s", (mode) => {
  const opaque = mode === "event-texts-opaque";
  let emu: RunningEmulator;
  let cloud: Cloud;
  let shared: InventoryDeps;
  let writes: WriteDeps;
  let deps: ApprovalDeps;
  let entries: () => Promise<{ action: string; outcome: string; actor: string; detail: Record<string, unknown> | null }[]>;

  beforeAll(async () => {
    emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20, ...modeOptions(mode), log: () => {} });
    const env = parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emu.port}`, ROLESCOPE_REGIONS: Object.keys(emu.regionPorts).join(",") });
    cloud = createCloud(env);
    shared = createInventoryDeps(cloud);
    const stores = sqliteStores(openDatabase(":memory:"));
    writes = { cloud, audit: createAuditLog(stores.audit), invalidate: (c) => invalidateFor(shared, ...c), readOnly: false, claims: stores.planClaims };
    deps = { stores, inventory: shared, writes, publish: async () => {}, now: () => new Date(), worker: `test-${mode}`, leaseMs: 60_000 };
    entries = async () => (await stores.audit.list({}, 0, 100)).entries;
    const ram = ramGateway(emu.port);
    await ram.createRole({ roleName: "dg-runner", assumeRolePolicyDocument: easTrust });
    for (const policyName of ["AliyunOSSReadOnlyAccess", "AliyunContainerRegistryReadOnlyAccess"]) await ram.attachPolicyToRole({ policyName, policyType: "System", roleName: "dg-runner" });
    await ram.createRole({ roleName: "dg-ecs-only", assumeRolePolicyDocument: ecsTrust.replace('["ecs.aliyuncs.com"]', '["ecs.aliyuncs.com"],"RAM":["acs:ram::1784200000000001:root"]') });
    await ram.createRole({ roleName: "dg-unpassable", assumeRolePolicyDocument: easTrust });
    await ram.createRole({ roleName: "dg-no-oss", assumeRolePolicyDocument: easTrust });
    await ram.createRole({ roleName: "dg-no-cr", assumeRolePolicyDocument: easTrust });
  });
  afterAll(() => emu.close());

  const settle = () => control(emu.url, "POST", "/_emulator/settle");
  const fresh = () => createInventoryDeps(cloud);
  async function deploy(config: Record<string, unknown>, keys?: KeyPair) {
    await easGateway(emu, keys).createService(HZ, JSON.stringify(config));
    await settle();
    return loadFixes(fresh(), ENGINEER, HZ, String(config.name));
  }
  async function fix(name: string, id: string) {
    const { fixes } = await loadFixes(fresh(), ADMIN, HZ, name);
    const f = fixes.find((x) => x.id === id);
    expect(f, `${name} offers ${id}; it offers ${fixes.map((x) => x.id).join(", ")}`).toBeDefined();
    const out = await applyFix(deps, ADMIN, HZ, name, id, { token: f!.preview.token });
    expect(out.ok, JSON.stringify(out.steps)).toBe(true);
    for (const r of out.requestIds) expect(r).toMatch(REQUEST_ID);
    expect(out.audit).toMatchObject({ actor: "alice", outcome: "success", target: `${HZ}/${name}` });
    return out;
  }
  async function redeployed(name: string, keys?: KeyPair) {
    if (keys) await easGateway(emu, keys).updateService(HZ, name, "{}");
    else expect((await redeployService({ inventory: shared, writes }, ADMIN, HZ, name)).ok).toBe(true);
    await settle();
    const after = await loadFixes(fresh(), ENGINEER, HZ, name);
    return { status: after.service.status, code: after.diagnosis.cause.code };
  }
  const keep = (key: string, d: Awaited<ReturnType<typeof deploy>>) => {
    const seen = { cause: { ...d.diagnosis.cause, evidence: d.diagnosis.cause.evidence.filter((e) => e.kind !== "event") }, fixes: d.fixes.map((f) => [f.id, f.preview.steps.map((s) => [s.operation, s.params])]) };
    // RequestIds differ from call to call; their form is what the two runs share.
    // A PassRole grant's expiry is counted from the minute it is planned.
    const same = (k: string, v: unknown) => (k === "requestId" && REQUEST_ID.test(String(v)) ? "<RequestId>" : k === "PolicyDocument" ? String(v).replace(/"acs:CurrentTime":\["[^"]+"\]/, '"acs:CurrentTime":["<expiry>"]') : v);
    decided[`${key}:${mode}`] = JSON.parse(JSON.stringify(seen, same));
  };

  it("ROLE_NOT_FOUND: points role_arn at the nearest existing role, which redeploys to Running", async () => {
    const d = await deploy(svc("dg-missing", "dg-runnr"));
    expect(d.diagnosis.cause).toMatchObject({ code: "ROLE_NOT_FOUND", values: { role: "dg-runnr" } });
    expect(d.diagnosis.cause.evidence[1]).toMatchObject({ kind: "role-missing", reason: "not-found", cloud: { code: "EntityNotExist.Role", requestId: expect.stringMatching(REQUEST_ID) } });
    expect(d.fixes[0]).toMatchObject({ id: "role-arn:dg-runner", kind: "point-role-arn", redeploys: true });
    expect(d.fixes[0].preview.steps[0]).toMatchObject({ operation: "UpdateService", params: { UpdateType: "merge", body: { role_arn: roleArnOf("dg-runner") } } });
    expect(d.fixes[0].preview.steps[0].diff?.filter((l) => l.kind === "add").map((l) => l.text.trim())).toEqual([`"role_arn": "${roleArnOf("dg-runner")}",`]);
    keep("missing", d);
    await fix("dg-missing", "role-arn:dg-runner");
    await settle();
    expect((await loadFixes(fresh(), ENGINEER, HZ, "dg-missing")).service.status).toBe("Running");
  });

  it("PASSROLE_DENIED: bob deployed with his own keys; the fix files a time-bound PassRole request, whose grant lets his update run", async () => {
    const d = await deploy(svc("dg-passrole", "dg-unpassable"), bob);
    expect(d.facts.deployer).toMatchObject({ kind: "user", userName: "bob" });
    expect(d.diagnosis.cause).toMatchObject({ code: "PASSROLE_DENIED", values: { user: "bob", role: "dg-unpassable" } });
    expect(d.fixes.map((f) => f.id)).toEqual(["grant-passrole"]);
    const policy = grantPolicyName("bob", "dg-unpassable");
    expect(d.fixes[0].preview.steps.map((s) => [s.operation, s.target])).toEqual([["CreatePolicy", policy], ["AttachPolicyToUser", "bob"]]);
    keep("passrole", d);
    // An admin whose own RAM user is bob may not grant it through the fix: refused, audited, nothing written.
    const bobAsAdmin = { ...ADMIN, id: "u-bob-admin", username: "bob-admin", ramUserName: "BOB" };
    await control(emu.url, "DELETE", "/_emulator/stats");
    await expect(applyFix(deps, bobAsAdmin, HZ, "dg-passrole", "grant-passrole", { token: d.fixes[0].preview.token })).rejects.toMatchObject({ code: "self_approval", status: 403 });
    expect((await entries()).find((e) => e.actor === "bob-admin")).toMatchObject({ action: "auth.denied", outcome: "denied", detail: { refusal: "self_approval", ramUser: "bob" } });
    expect((await listRequests(deps, ADMIN, {})).requests).toEqual([]);
    // Ten confirmations of the same preview at once: one request, one grant, nine conflicts, one write of each kind.
    const runs = await Promise.allSettled(Array.from({ length: 10 }, () => applyFix(deps, ADMIN, HZ, "dg-passrole", "grant-passrole", { token: d.fixes[0].preview.token })));
    expect(runs.filter((r) => r.status === "fulfilled" && r.value.ok)).toHaveLength(1);
    expect(runs.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code: string }).code] : []))).toEqual(Array(9).fill("conflict"));
    const calls = (await control(emu.url, "GET", "/_emulator/stats")).json.calls as Record<string, number>;
    expect([calls.CreatePolicy, calls.AttachPolicyToUser]).toEqual([1, 1]);
    const requests = (await listRequests(deps, ADMIN, {})).requests;
    expect(requests).toMatchObject([{ state: "granted", ramUser: "bob", roleName: "dg-unpassable", requester: "alice", approver: "alice", grantedDuration: "1d", grant: { policyName: policy } }]);
    const ram = ramGateway(emu.port);
    expect((await ram.listPoliciesForUser("bob")).map((p) => p.policyName)).toContain(policy);
    expect(JSON.parse((await ram.getPolicy(policy, "Custom")).policyDocument)).toEqual({
      Version: "1",
      Statement: [{ Effect: "Allow", Action: ["ram:PassRole"], Resource: [roleArnOf("dg-unpassable")], Condition: { DateLessThan: { "acs:CurrentTime": [requests[0].expiresAt] } } }],
    });
    expect(await redeployed("dg-passrole", bob)).toEqual({ status: "Running", code: "NONE" });
    // Revoked in /approvals, the grant is gone and the fix is offered again.
    await revokeRequest(deps, ADMIN, requests[0].id, {});
    expect((await ram.listPoliciesForUser("bob")).map((p) => p.policyName)).not.toContain(policy);
  });

  it("TRUST_MISSING_EAS: adds EAS to the trust, keeping every other principal; a redeploy brings Running", async () => {
    const d = await deploy(svc("dg-trust", "dg-ecs-only"));
    expect(d.diagnosis.cause.code).toBe("TRUST_MISSING_EAS");
    expect(d.fixes.map((f) => f.id)).toEqual(["add-eas-trust"]);
    keep("trust", d);
    await fix("dg-trust", "add-eas-trust");
    const trust = JSON.parse((await ramGateway(emu.port).getRole("dg-ecs-only")).assumeRolePolicyDocument);
    expect(trust.Statement).toHaveLength(1);
    expect(trust.Statement[0].Principal).toEqual({ Service: ["ecs.aliyuncs.com", "eas.pai.aliyuncs.com"], RAM: ["acs:ram::1784200000000001:root"] });
    // Fixed in RAM, not yet deployed again: the failure's cause is gone.
    // With opaque words nothing names the stage that failed, so nothing says it was fixed since.
    const pending = await loadFixes(fresh(), ENGINEER, HZ, "dg-trust");
    expect(pending.diagnosis.cause.code).toBe("UNKNOWN");
    expect(pending.diagnosis.cleared).toBe(opaque ? undefined : true);
    expect(pending.health.issues.map((i) => i.code)).toEqual([opaque ? "UNKNOWN" : "REDEPLOY_PENDING"]);
    expect(await redeployed("dg-trust")).toEqual({ status: "Running", code: "NONE" });
  });

  it("DEFAULT_ROLE_MISSING: creates the service-linked role, and the Method 1 service runs", async () => {
    await ramRpc(emu.port, "DeleteServiceLinkedRole", { RoleName: "AliyunServiceRoleForPaiEas" });
    const d = await deploy({ name: "dg-default", metadata: { instance: 1, workspace_id: "4242" }, options: { enable_ram_role: true } });
    expect(d.diagnosis.cause.code).toBe("DEFAULT_ROLE_MISSING");
    expect(d.fixes[0].preview.steps).toMatchObject([{ operation: "CreateServiceLinkedRole", params: { ServiceName: "eas.pai.aliyuncs.com" } }]);
    await fix("dg-default", "create-service-linked-role");
    expect((await ramGateway(emu.port).listPoliciesForRole("AliyunServiceRoleForPaiEas")).map((p) => p.policyName)).toEqual(["AliyunServiceRolePolicyForPaiEas"]);
    expect(await redeployed("dg-default")).toEqual({ status: "Running", code: "NONE" });
  });

  it("WORKSPACE_ID_MISSING: sets a workspace the region's services use, which redeploys to Running", async () => {
    const d = await deploy({ name: "dg-workspace", metadata: { instance: 1, cpu: 2, memory: 4000 }, options: { enable_ram_role: true }, ...ossMount("dg-bucket") });
    expect(d.diagnosis).toMatchObject({ cause: { code: "WORKSPACE_ID_MISSING" }, basis: opaque ? "state" : "state+event" });
    // The whole of metadata travels, so a shallow merge keeps instance, cpu and memory.
    expect(d.fixes.find((f) => f.id === "workspace-id:38291")?.preview.steps[0].params.body).toEqual({ metadata: { instance: 1, cpu: 2, memory: 4000, workspace_id: "38291" } });
    expect(d.fixes.map((f) => f.id)).toContain("workspace-id:38291");
    await fix("dg-workspace", "workspace-id:38291");
    await settle();
    const after = await loadFixes(fresh(), ENGINEER, HZ, "dg-workspace");
    expect(after.service.status).toBe("Running");
    expect(JSON.parse(after.service.serviceConfig).metadata).toEqual({ instance: 1, cpu: 2, memory: 4000, workspace_id: "38291" });
  });

  it("MOUNT_DENIED: a policy scoped to exactly the mount fixes it", async () => {
    const d = await deploy(svc("dg-mount", "dg-no-oss", ossMount("dg-data")));
    expect(d.diagnosis.cause).toMatchObject({ code: "MOUNT_DENIED", values: { target: "oss://dg-data/in/", action: "oss:ListObjects" } });
    expect(d.fixes.map((f) => f.id)).toEqual(["attach-policy:AliyunOSSReadOnlyAccess", "scoped-policy"]);
    const scoped = d.fixes[1];
    await fix("dg-mount", "scoped-policy");
    const name = String(scoped.preview.steps[0].params.PolicyName);
    expect(JSON.parse((await ramGateway(emu.port).getPolicy(name, "Custom")).policyDocument).Statement).toEqual([
      { Effect: "Allow", Action: ["oss:ListObjects"], Resource: ["acs:oss:*:1784200000000001:dg-data"] },
      { Effect: "Allow", Action: ["oss:GetObject"], Resource: ["acs:oss:*:1784200000000001:dg-data/in/*"] },
    ]);
    expect(await redeployed("dg-mount")).toEqual({ status: "Running", code: "NONE" });
  });

  it("IMAGE_PULL_DENIED: attaching Container Registry read fixes it", async () => {
    const d = await deploy(svc("dg-pull", "dg-no-cr", withImage("registry-vpc.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4")));
    expect(d.diagnosis.cause.code).toBe("IMAGE_PULL_DENIED");
    await fix("dg-pull", "attach-policy:AliyunContainerRegistryReadOnlyAccess");
    expect(await redeployed("dg-pull")).toEqual({ status: "Running", code: "NONE" });
  });

  it("IMAGE_NOT_FOUND: no such host, or no such repository, with where to look and no fake fix", async () => {
    const host = await deploy(svc("dg-dockerhub", "dg-runner", withImage("python:3.10")));
    await control(emu.url, "PUT", "/_emulator/registry/missing", { repository: "ml-team/ghost" });
    const repo = await deploy(svc("dg-ghost", "dg-runner", withImage("registry-vpc.cn-hangzhou.aliyuncs.com/ml-team/ghost:1")));
    if (opaque) {
      // Only the platform's words hold these causes: without them, UNKNOWN with the words as they came.
      for (const d of [host, repo]) expect(d.diagnosis).toMatchObject({ basis: "event", cause: { code: "UNKNOWN", values: { reason: d.service.reason, message: d.service.message } }, fixes: [] });
      return;
    }
    expect(host.diagnosis).toMatchObject({ basis: "event", cause: { code: "IMAGE_NOT_FOUND", values: { host: "registry-1.docker.io" } }, fixes: [], advice: [{ id: "image-address" }] });
    expect(repo.diagnosis.cause).toMatchObject({ code: "IMAGE_NOT_FOUND", values: { problem: "repository", repository: "ml-team/ghost" } });
  });

  it("INSTANCE_CRASH and OOM_KILLED: the instance log and the memory setting, no fix", async () => {
    expect((await deploy(svc("dg-crash", "dg-runner"))).service.status).toBe("Running");
    await control(emu.url, "PUT", "/_emulator/faults/instances", { region: HZ, service: "dg-crash", kind: "crash" });
    const crash = await loadFixes(fresh(), ENGINEER, HZ, "dg-crash");
    expect(crash.diagnosis).toMatchObject({ basis: opaque ? "state" : "state+event", cause: { code: "INSTANCE_CRASH" }, fixes: [], advice: [{ id: "instance-log" }] });
    await control(emu.url, "PUT", "/_emulator/faults/instances", { region: HZ, service: "dg-oom", kind: "oom" });
    const oom = await deploy(svc("dg-oom", "dg-runner"));
    expect(oom.diagnosis).toMatchObject({ basis: opaque ? "state" : "state+event", cause: { code: "OOM_KILLED", values: { memory: 4000 } }, fixes: [] });
    await control(emu.url, "DELETE", "/_emulator/faults/instances");
  });

  it("INSUFFICIENT_RESOURCES: Waiting with Pending instances, pointing at the resource settings", async () => {
    await control(emu.url, "PUT", "/_emulator/quota", { region: HZ, gpu: 2 });
    const d = await deploy(svc("dg-gpu", "dg-runner", { metadata: { instance: 1, cpu: 4, memory: 16000, gpu: 1 } }));
    expect(d.service.status).toBe("Waiting");
    // The instances' Unschedulable reason is state; which resource ran short only the scheduler's words say.
    expect(d.diagnosis).toMatchObject({ cause: { code: "INSUFFICIENT_RESOURCES", values: { resources: opaque ? "cpu, memory, nvidia.com/gpu" : "nvidia.com/gpu" } }, fixes: [], advice: [{ id: "resource-settings" }] });
    await control(emu.url, "DELETE", "/_emulator/quota");
  });

  it("refuses an engineer and a stale preview before any change, and audits each applied fix once", async () => {
    await ramGateway(emu.port).createRole({ roleName: "dg-guarded", assumeRolePolicyDocument: easTrust });
    await deploy(svc("dg-guard", "dg-guarded", withImage("registry-vpc.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4")));
    await expect(applyFix(deps, ENGINEER, HZ, "dg-guard", "scoped-policy", {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(redeployService({ inventory: shared, writes }, ENGINEER, HZ, "dg-guard")).rejects.toMatchObject({ code: "forbidden" });
    const { fixes } = await loadFixes(fresh(), ADMIN, HZ, "dg-guard");
    const token = fixes.find((f) => f.id === "scoped-policy")!.preview.token;
    // The account changes after the preview: the role's policies, and so the plan, differ.
    await ramGateway(emu.port).attachPolicyToRole({ policyName: "AliyunOSSReadOnlyAccess", policyType: "System", roleName: "dg-guarded" });
    await expect(applyFix(deps, ADMIN, HZ, "dg-guard", "scoped-policy", { token })).rejects.toMatchObject({ code: "conflict", fields: { token: expect.any(String) } });
    await expect(applyFix(deps, ADMIN, HZ, "dg-guard", "attach-policy:AliyunOSSReadOnlyAccess", {})).rejects.toMatchObject({ code: "conflict", fields: { id: expect.any(String) } });
    expect((await ramGateway(emu.port).listPoliciesForRole("dg-guarded")).map((p) => p.policyName)).toEqual(["AliyunOSSReadOnlyAccess"]);
    const actions = (await entries()).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith("fix.")).sort()).toEqual([
      "fix.add_eas_trust", "fix.add_workspace_id", "fix.attach_policy", "fix.create_scoped_policy", "fix.create_service_linked_role", "fix.grant_passrole", "fix.point_role_arn",
    ]);
    expect(actions).toContain("service.redeploy");
  });
});

describe("the platform's words change no role diagnosis", () => {
  it("the role causes decide the same cause, evidence and fixes from the account, whatever the message", () => {
    const modes = emulatorModes(["real", "generic-role-errors"]);
    for (const key of ["missing", "passrole", "trust"]) {
      for (const mode of modes) expect(decided[`${key}:${mode}`], `${key} under ${mode}`).toBeDefined();
      for (const mode of modes.slice(1)) expect(decided[`${key}:${mode}`], `${key} under ${mode}`).toEqual(decided[`${key}:${modes[0]}`]);
    }
  });
});
