import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { control } from "../../tests/support/cloud/clients";
import { createAuditLog } from "../audit/audit-log";
import { openDatabase } from "../db/connection";
import { sqliteStores } from "../db/sqlite";
import { createCloud } from "../cloud/create-cloud";
import type { Cloud } from "../cloud/types";
import { parseEnv } from "../env";
import { createInventoryDeps, type InventoryDeps } from "../inventory/deps";
import { invalidateFor } from "../inventory/invalidate";
import { tags } from "../inventory/cache-tags";
import { parsePolicy } from "../policy";
import type { WriteDeps } from "../writes/run-plan";
import { buildServiceConfig, type Needs } from "../wizard";
import { ADMIN, ENGINEER } from "../../tests/support/actors";
import { REQUEST_ID } from "../../tests/support/request-id";
import { applyCreateRole } from "./apply-create-role";
import { applyDeploy } from "./apply-deploy";
import type { RoleRequest } from "./input";
import { listCandidateRoles } from "./list-roles";
import { previewCreateRole } from "./preview-create-role";
import { previewDeploy } from "./preview-deploy";
import { readDeployment } from "./read-deployment";

let emulator: RunningEmulator;
let cloud: Cloud;
let inv: InventoryDeps;
let writes: WriteDeps;

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} });
  cloud = createCloud(parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}` }));
  inv = createInventoryDeps(cloud);
  const stores = sqliteStores(openDatabase(":memory:"));
  writes = { cloud, audit: createAuditLog(stores.audit), invalidate: (c) => invalidateFor(inv, ...c), readOnly: false, claims: stores.planClaims };
});
afterAll(() => emulator?.close());

const needs: Needs = {
  region: "cn-hangzhou",
  oss: [{ bucket: "models", prefix: "v2/", access: "read" }],
  mounts: [{ kind: "nas", server: "0c9a4b4d5f-xrt21.cn-hangzhou.nas.aliyuncs.com", path: "/", mountPath: "/mnt/nas" }],
  image: "registry.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4",
  other: [],
};
const request = (roleName: string, policyMode: "system" | "custom"): RoleRequest => ({ needs, roleName, description: "ASR serving", policyMode });
const stats = async () => (await control(emulator.url, "GET", "/_emulator/stats")).json.calls as Record<string, number>;
const writesSeen = async () => Object.entries(await stats()).filter(([op]) => /^(Create|Attach|Update|Delete)/.test(op));

async function apply(req: RoleRequest, token: string) {
  return (await applyCreateRole(inv, writes, ADMIN, req, token)).run();
}

describe("Method 2: create a role", () => {
  it("previews every call with its document and writes nothing; an admin applies exactly that", async () => {
    await control(emulator.url, "DELETE", "/_emulator/stats");
    const { preview, roleArn } = await previewCreateRole(inv, ENGINEER, request("eas-asr", "system"));
    expect(roleArn).toMatch(/^acs:ram::\d+:role\/eas-asr$/);
    expect(preview.steps.map((s) => `${s.operation} ${s.params.PolicyName ?? s.params.RoleName}`)).toEqual([
      "CreateRole eas-asr",
      "AttachPolicyToRole AliyunOSSReadOnlyAccess",
      "AttachPolicyToRole AliyunNASReadOnlyAccess",
      "AttachPolicyToRole AliyunContainerRegistryReadOnlyAccess",
    ]);
    expect(JSON.parse(String(preview.steps[0].params.AssumeRolePolicyDocument))).toEqual({ Version: "1", Statement: [{ Effect: "Allow", Principal: { Service: ["eas.pai.aliyuncs.com"] }, Action: ["sts:AssumeRole"] }] });
    expect(await writesSeen()).toEqual([]);

    await expect(applyCreateRole(inv, writes, ENGINEER, request("eas-asr", "system"), preview.token)).rejects.toMatchObject({ code: "forbidden" });
    await expect(applyCreateRole(inv, writes, ADMIN, request("eas-asr-other", "system"), preview.token)).rejects.toMatchObject({ code: "conflict" });
    expect(await writesSeen()).toEqual([]);

    const out = await apply(request("eas-asr", "system"), preview.token);
    expect(out.ok).toBe(true);
    expect(out.steps.map((s) => s.state)).toEqual(["done", "done", "done", "done"]);
    for (const id of out.requestIds) expect(id).toMatch(REQUEST_ID);
    const role = await cloud.ram.getRole("eas-asr");
    expect(JSON.parse(role.assumeRolePolicyDocument)).toEqual(JSON.parse(String(preview.steps[0].params.AssumeRolePolicyDocument)));
    expect(role.description).toBe("ASR serving");
    expect((await cloud.ram.listPoliciesForRole("eas-asr")).map((p) => `${p.policyType}:${p.policyName}`)).toEqual([
      "System:AliyunOSSReadOnlyAccess",
      "System:AliyunNASReadOnlyAccess",
      "System:AliyunContainerRegistryReadOnlyAccess",
    ]);
  });

  it("least privilege: one custom policy scoped to the named resources, created and attached", async () => {
    const { preview } = await previewCreateRole(inv, ADMIN, request("eas-asr.lp", "custom"));
    expect(preview.steps.map((s) => s.operation)).toEqual(["CreateRole", "CreatePolicy", "AttachPolicyToRole"]);
    expect(preview.steps[1].params.PolicyName).toBe("eas-asr-lp-access");
    expect((await apply(request("eas-asr.lp", "custom"), preview.token)).ok).toBe(true);
    const policy = await cloud.ram.getPolicy("eas-asr-lp-access", "Custom");
    expect(parsePolicy(policy.policyDocument, { kind: "permission" })).toMatchObject({ ok: true });
    expect(JSON.parse(policy.policyDocument)).toEqual(JSON.parse(String(preview.steps[1].params.PolicyDocument)));
    expect((await cloud.ram.listPoliciesForRole("eas-asr.lp")).map((p) => `${p.policyType}:${p.policyName}`)).toEqual(["Custom:eas-asr-lp-access"]);
  });

  it("a failure at step 2 of 4 reports what was done and what was not; a retry finishes the rest", async () => {
    const req = request("eas-asr-retry", "system");
    const { preview } = await previewCreateRole(inv, ADMIN, req);
    await control(emulator.url, "PUT", "/_emulator/faults", { operation: "AttachPolicyToRole", errorRate: 1, errorCode: "InternalError", httpStatus: 500 });
    const first = await apply(req, preview.token).finally(() => control(emulator.url, "DELETE", "/_emulator/faults"));
    expect(first.ok).toBe(false);
    expect(first.steps.map((s) => s.state)).toEqual(["done", "failed", "not_run", "not_run"]);
    expect(first.steps[1].error).toMatchObject({ code: "InternalError" });
    expect(first.steps[1].requestId).toMatch(REQUEST_ID);
    expect(await cloud.ram.listPoliciesForRole("eas-asr-retry")).toEqual([]);

    // The same input previews the same plan (the role it made is recognised as its own).
    const { preview: again } = await previewCreateRole(inv, ADMIN, req);
    expect(again.token).toBe(preview.token);
    const retry = await apply(req, again.token);
    expect(retry.steps.map((s) => s.state)).toEqual(["skipped", "done", "done", "done"]);
    expect((await cloud.ram.listPoliciesForRole("eas-asr-retry")).map((p) => p.policyName)).toEqual([
      "AliyunOSSReadOnlyAccess",
      "AliyunNASReadOnlyAccess",
      "AliyunContainerRegistryReadOnlyAccess",
    ]);
  });

  it("of 50 concurrent applies of one preview, one creates the role and the others get conflict without a cloud write", async () => {
    const req = request("eas-asr-race", "system");
    const { preview } = await previewCreateRole(inv, ADMIN, req);
    await control(emulator.url, "DELETE", "/_emulator/stats");
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => apply(req, preview.token)));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as { code: string; status: number }] : []));
    expect(results.filter((r) => r.status === "fulfilled" && r.value.ok)).toHaveLength(1);
    expect(refused).toHaveLength(49);
    expect(new Set(refused.map((e) => `${e.status} ${e.code}`))).toEqual(new Set(["409 conflict"]));
    expect(Object.fromEntries(await writesSeen())).toEqual({ CreateRole: 1, AttachPolicyToRole: 3 });
    // The claim is given back when the run ends: a later apply of the token finds every step done and writes nothing.
    expect((await apply(req, preview.token)).steps.map((s) => s.state)).toEqual(["skipped", "skipped", "skipped", "skipped"]);
    expect(Object.fromEntries(await writesSeen())).toEqual({ CreateRole: 1, AttachPolicyToRole: 3 });
  });

  it("bad input names the field and the rule, before any call to the cloud", async () => {
    await control(emulator.url, "DELETE", "/_emulator/stats");
    await expect(previewCreateRole(inv, ENGINEER, { ...request("bad name!", "system"), needs: { ...needs, oss: [{ bucket: "Bad_Bucket", prefix: "", access: "read" }] } })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { roleName: expect.stringContaining("1–64 letters, digits, dots and hyphens"), "needs.oss[0].bucket": expect.stringContaining("3–63 lowercase letters") },
    });
    expect(await stats()).toEqual({});
    await expect(previewCreateRole(inv, ENGINEER, request("ecs-batch-role", "system"))).rejects.toMatchObject({ fields: { roleName: expect.stringContaining("already exists") } });
    await expect(previewCreateRole(inv, ENGINEER, { ...request("eas-mc", "system"), needs: { ...needs, maxcompute: { project: "feature_store", access: "write" } } })).rejects.toMatchObject({
      fields: { "policies.AliyunMaxComputeFullAccess": "is not a system policy of this account" },
    });
  });
});

describe("existing roles and deploy", () => {
  it("lists roles with whether EAS can assume them and the gaps of each", async () => {
    const roles = await listCandidateRoles(inv, ENGINEER, needs);
    const byName = new Map(roles.map((r) => [r.name, r]));
    expect(byName.has("AliyunServiceRoleForPaiEas")).toBe(false);
    expect(byName.get("eas-nas-image")).toMatchObject({ trust: { allowed: true } });
    expect(byName.get("eas-nas-image")!.coverage.map((c) => c.state)).toEqual(["covered", "covered", "covered"]);
    expect(byName.get("eas-oss-reader")!.coverage.map((c) => c.state)).toEqual(["covered", "gap", "gap"]);
    expect(byName.get("eas-oss-reader")!.coverage[2].gap).toMatchObject({ action: "cr:GetRepository", decision: "ImplicitDeny" });
    expect(byName.get("ecs-batch-role")).toMatchObject({ trust: { allowed: false, reason: "principal" } });
    expect(roles[0].trust.allowed).toBe(true);
  });

  it("offers no service-linked role, warns of far broader roles, and says how the deployer may pass each role or that they must ask", async () => {
    await cloud.ram.createRole({ roleName: "AliyunServiceRoleForEcs", assumeRolePolicyDocument: JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["ecs.aliyuncs.com"] } }] }) });
    inv.cache.invalidate({ tags: [tags.roleList] });
    const asBob = new Map((await listCandidateRoles(inv, ENGINEER, needs, "bob")).map((r) => [r.name, r]));
    expect([...asBob.keys()].filter((n) => /^AliyunServiceRoleFor/i.test(n))).toEqual([]);
    expect(asBob.get("legacy-admin")!.breadth).toMatchObject({ fullAccess: ["AliyunRAMFullAccess"] });
    expect(asBob.get("eas-oss-reader")!.breadth).toBeNull();
    expect(asBob.get("eas-oss-reader")!.pass).toEqual({ how: "direct" });
    expect(asBob.get("eas-nas-image")!.pass).toEqual({ how: null });
    const asCarol = new Map((await listCandidateRoles(inv, ENGINEER, needs, "carol")).map((r) => [r.name, r]));
    expect(asCarol.get("eas-nas-image")!.pass).toEqual({ how: "group" });
    expect((await listCandidateRoles(inv, ENGINEER, needs)).every((r) => r.pass === undefined)).toBe(true);
  });

  it("deploys a Method 2 config with the created role and follows it to Running", async () => {
    const { accountId } = await previewCreateRole(inv, ADMIN, request("eas-asr", "system")).then((p) => ({ accountId: p.roleArn.split(":")[3] }));
    const config = buildServiceConfig({ name: "asr-setup", needs, method: 2, role: { accountId, name: "eas-asr" } });
    const dp = await previewDeploy(inv, ENGINEER, { region: "cn-hangzhou", config }, "en");
    expect(dp).toMatchObject({ existing: false, preflight: { method: "custom", findings: [] } });
    expect(dp.preview.steps[0]).toMatchObject({ operation: "CreateService", params: { Region: "cn-hangzhou" } });
    await expect(applyDeploy(inv, writes, ENGINEER, { region: "cn-hangzhou", config }, dp.preview.token)).rejects.toMatchObject({ code: "forbidden" });
    await control(emulator.url, "DELETE", "/_emulator/stats");
    // Twenty admins confirm the same preview at once: one deploys, the others get conflict.
    const runs = await Promise.allSettled(Array.from({ length: 20 }, async () => (await applyDeploy(inv, writes, ADMIN, { region: "cn-hangzhou", config }, dp.preview.token)).run()));
    expect(runs.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as { code: string })).toEqual(Array(19).fill(expect.objectContaining({ code: "conflict", status: 409 })));
    expect(Object.fromEntries(await writesSeen())).toEqual({ CreateService: 1 });
    const out = runs.find((r) => r.status === "fulfilled")!.value;
    expect(out.ok).toBe(true);
    await control(emulator.url, "POST", "/_emulator/settle");
    const state = await readDeployment(inv, ENGINEER, "cn-hangzhou", "asr-setup");
    expect(state).toMatchObject({ status: "Running", settled: true });
    expect(state.events.length).toBeGreaterThan(0);
    const again = await previewDeploy(inv, ENGINEER, { region: "cn-hangzhou", config }, "en");
    expect(again).toMatchObject({ existing: true, preview: { steps: [{ operation: "UpdateService", params: { UpdateType: "replace" } }] } });
  });

  it("checks the deploy for the deployer the Outputs step checked: a RAM user without ram:PassRole is refused", async () => {
    const accountId = (await cloud.ram.getRole("eas-asr")).arn.split(":")[3];
    const config = buildServiceConfig({ name: "asr-bob", needs, method: 2, role: { accountId, name: "eas-asr" } });
    const dp = await previewDeploy(inv, ENGINEER, { region: "cn-hangzhou", config, deployer: "bob" }, "en");
    expect(dp.preflight.findings.map((f) => f.code)).toEqual(["PASSROLE_MISSING"]);
    expect(dp.preflight.findings[0].refs).toMatchObject({ user: "bob", role: "eas-asr" });
    expect(JSON.parse(dp.preflight.findings[0].refs!.document!)).toEqual({ Version: "1", Statement: [{ Effect: "Allow", Action: ["ram:PassRole"], Resource: [`acs:ram::${accountId}:role/eas-asr`] }] });
    await expect(applyDeploy(inv, writes, ADMIN, { region: "cn-hangzhou", config, deployer: "bob" }, dp.preview.token)).rejects.toMatchObject({ code: "preflight_failed", status: 409 });
    await expect(previewDeploy(inv, ENGINEER, { region: "cn-hangzhou", config, deployer: "bob smith" }, "en")).rejects.toMatchObject({ code: "invalid_input", fields: { deployer: expect.stringContaining("RAM user name") } });
  });

  it("refuses to deploy a config whose role EAS cannot assume", async () => {
    const config = { name: "churn-v2", options: { enable_ram_role: true }, role_arn: `acs:ram::${(await cloud.ram.getRole("ecs-batch-role")).arn.split(":")[3]}:role/ecs-batch-role` };
    const dp = await previewDeploy(inv, ADMIN, { region: "cn-hangzhou", config }, "en");
    expect(dp.preflight.findings.map((f) => f.code)).toEqual(["TRUST_MISSING_EAS"]);
    await expect(applyDeploy(inv, writes, ADMIN, { region: "cn-hangzhou", config }, dp.preview.token)).rejects.toMatchObject({ code: "preflight_failed", status: 409 });
    await expect(cloud.eas.describeService("cn-hangzhou", "churn-v2")).rejects.toMatchObject({ code: "InvalidService.NotFound" });
  });
});
