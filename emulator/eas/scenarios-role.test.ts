import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPassRolePolicy } from "../../lib/policy";
import { DEMO_KEYS } from "../seed/demo-keys";
import { createEmulator, type RunningEmulator } from "../server";
import { easGateway, ramGateway, ramRpc, rejection, type KeyPair } from "../../tests/support/cloud/clients";
import { deploy, easTrust, ecsTrust, look, redeploy, roleArnOf, settle, UID } from "../../tests/support/cloud/eas-scenario";
import { ASSUME_ROLE_DENIED_MESSAGE } from "./event-messages";

const HZ = "cn-hangzhou";
const bob: KeyPair = { accessKeyId: DEMO_KEYS.bob.id, accessKeySecret: DEMO_KEYS.bob.secret };
const alice: KeyPair = { accessKeyId: DEMO_KEYS.alice.id, accessKeySecret: DEMO_KEYS.alice.secret };
const withRole = (name: string, role: string) => ({ name, metadata: { instance: 1, cpu: 2, memory: 4000 }, options: { enable_ram_role: true }, role_arn: roleArnOf(role) });

/** The three role failures the seed's one message stands for, each set up from scratch in RAM. */
async function breakThreeWays(emu: RunningEmulator) {
  const ram = ramGateway(emu.port);
  await ram.createRole({ roleName: "scn-unpassable", assumeRolePolicyDocument: easTrust });
  await ram.createRole({ roleName: "scn-ecs-only", assumeRolePolicyDocument: ecsTrust });
  return {
    missing: await deploy(emu, easGateway(emu), HZ, withRole("scn-missing", "scn-never-created")),
    passRole: await deploy(emu, easGateway(emu, bob), HZ, withRole("scn-passrole", "scn-unpassable")),
    trust: await deploy(emu, easGateway(emu), HZ, withRole("scn-trust", "scn-ecs-only")),
  };
}

describe("role failures, each with its own events, Reason, Message and diagnosis, each fixed in RAM", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20 });
  });
  afterAll(() => emu.close());

  it("tells role-not-found, PassRole-denied and trust-without-EAS apart, and each fix brings Running", async () => {
    const seen = await breakThreeWays(emu);
    expect(seen.missing).toMatchObject({ status: "Failed", reason: "RenderFailed", instances: [] });
    expect(seen.missing.message).toContain(`failed to get role ${roleArnOf("scn-never-created")}, reason: EntityNotExist.Role`);
    expect(seen.missing.diagnosis[0].error).toContain("does not exist");
    expect(seen.passRole.message).toMatch(/^unable to render, error: user bob \(\d+\) failed to pass role .*scn-unpassable to eas\.pai\.aliyuncs\.com/);
    expect(seen.passRole.diagnosis[0].causes[0]).toContain("ram:PassRole");
    expect(seen.trust.message).toBe(ASSUME_ROLE_DENIED_MESSAGE);
    expect(seen.trust.diagnosis[0].causes[0]).toContain("trust policy");
    expect(new Set([seen.missing.message, seen.passRole.message, seen.trust.message]).size).toBe(3);
    for (const s of Object.values(seen)) expect(s.warnings).toHaveLength(1);

    const ram = ramGateway(emu.port);
    await ram.createRole({ roleName: "scn-never-created", assumeRolePolicyDocument: easTrust });
    await easGateway(emu).startService(HZ, "scn-missing");
    await settle(emu);
    expect((await look(easGateway(emu), HZ, "scn-missing")).status).toBe("Running");

    await ram.createPolicy({ policyName: "PassRole-scn-unpassable", policyDocument: JSON.stringify(buildPassRolePolicy("scn-unpassable")) });
    await ram.attachPolicyToUser({ policyName: "PassRole-scn-unpassable", policyType: "Custom", userName: "bob" });
    expect((await redeploy(emu, easGateway(emu, bob), HZ, "scn-passrole")).status).toBe("Running");

    await ram.updateRoleTrust("scn-ecs-only", easTrust);
    const fixed = await redeploy(emu, easGateway(emu), HZ, "scn-trust");
    expect(fixed).toMatchObject({ status: "Running", diagnosis: [] });
    expect(fixed.instances.map((i) => i.status)).toEqual(["Running"]);
  });

  it("PAI default role: DeleteServiceLinkedRole breaks Method 1 services, CreateServiceLinkedRole fixes them", async () => {
    const eas = easGateway(emu);
    const m1 = { name: "scn-default-role", metadata: { instance: 1, workspace_id: "4242" }, options: { enable_ram_role: true } };
    expect((await deploy(emu, eas, HZ, m1)).status).toBe("Running");

    expect((await rejection<{ code: string }>(ramRpc(emu.port, "DeleteServiceLinkedRole", { RoleName: "AliyunServiceRoleForPaiEas" }, bob))).code).toBe("NoPermission");
    const deleted = await ramRpc(emu.port, "DeleteServiceLinkedRole", { RoleName: "AliyunServiceRoleForPaiEas" }, alice);
    expect(deleted.DeletionTaskId).toMatch(/^task\/acs-service-role\/eas\.pai\.aliyuncs\.com\/AliyunServiceRoleForPaiEas\/[0-9a-f-]{36}$/);
    expect(await ramRpc(emu.port, "GetServiceLinkedRoleDeletionStatus", { DeletionTaskId: String(deleted.DeletionTaskId) })).toMatchObject({ Status: "SUCCEEDED" });
    expect((await rejection<{ code: string }>(ramGateway(emu.port).getRole("AliyunServiceRoleForPaiEas"))).code).toBe("EntityNotExist.Role");

    const broken = await redeploy(emu, eas, HZ, "scn-default-role");
    expect(broken).toMatchObject({ status: "Failed", reason: "RenderFailed", instances: [] });
    expect(broken.message).toContain("ServiceRoleNotFound");
    expect(broken.diagnosis[0].advices[0]).toContain("CreateServiceLinkedRole");

    const created = await ramRpc(emu.port, "CreateServiceLinkedRole", { ServiceName: "eas.pai.aliyuncs.com" }, alice);
    expect(created.Role).toMatchObject({
      RoleName: "AliyunServiceRoleForPaiEas",
      Arn: roleArnOf("aliyunserviceroleforpaieas"),
      RolePrincipalName: `AliyunServiceRoleForPaiEas@role.${UID}.onaliyunservice.com`,
      IsServiceLinkedRole: true,
    });
    expect(JSON.parse(String((created.Role as Record<string, unknown>).AssumeRolePolicyDocument)).Statement[0].Principal.Service).toEqual(["eas.pai.aliyuncs.com"]);
    expect((await ramGateway(emu.port).listPoliciesForRole("AliyunServiceRoleForPaiEas")).map((p) => p.policyName)).toEqual(["AliyunServiceRolePolicyForPaiEas"]);
    await eas.startService(HZ, "scn-default-role");
    await settle(emu);
    expect((await look(eas, HZ, "scn-default-role")).status).toBe("Running");

    const again = await rejection<{ code: string; statusCode: number }>(ramRpc(emu.port, "CreateServiceLinkedRole", { ServiceName: "eas.pai.aliyuncs.com" }));
    expect([again.code, again.statusCode]).toEqual(["EntityAlreadyExists.Role", 409]);
    expect((await rejection<{ code: string }>(ramRpc(emu.port, "CreateServiceLinkedRole", { ServiceName: "nobody.aliyuncs.com" }))).code).toBe("InvalidParameter.ServiceName");
    expect((await rejection<{ code: string }>(ramRpc(emu.port, "DeleteServiceLinkedRole", { RoleName: "data-pipeline" }))).code).toBe("InvalidParameter.RoleName");
    // ResourceManager 2020-03-31 is the API's other home.
    expect(await ramRpc(emu.port, "GetServiceLinkedRoleDeletionStatus", { DeletionTaskId: String(deleted.DeletionTaskId) }, undefined, "2020-03-31")).toMatchObject({ Status: "SUCCEEDED" });
  });

  it("workspace_id: a Method 1 OSS mount without it fails, setting it fixes it", async () => {
    const eas = easGateway(emu);
    const cfg = { name: "scn-workspace", metadata: { instance: 1 }, options: { enable_ram_role: true }, storage: [{ oss: { path: "oss://scn-bucket/m/", readOnly: true }, mount_path: "/mnt/m" }] };
    const broken = await deploy(emu, eas, HZ, cfg);
    expect(broken).toMatchObject({ status: "Failed", reason: "RenderFailed" });
    expect(broken.message).toContain("metadata.workspace_id");
    expect((await redeploy(emu, eas, HZ, "scn-workspace", { metadata: { workspace_id: "4242" } })).status).toBe("Running");
  });
});

describe("--generic-role-errors: the three role failures speak one message", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20, genericRoleErrors: true });
  });
  afterAll(() => emu.close());

  it("gives identical events, Reason, Message and diagnosis, while RAM still holds the facts that tell them apart", async () => {
    const seen = await breakThreeWays(emu);
    const surface = (s: typeof seen.missing) => ({ status: s.status, reason: s.reason, message: s.message, warnings: s.warnings, diagnosis: s.diagnosis, instances: s.instances });
    expect(surface(seen.missing)).toEqual(surface(seen.trust));
    expect(surface(seen.passRole)).toEqual(surface(seen.trust));
    expect(seen.trust).toMatchObject({ status: "Failed", reason: "RenderFailed", message: ASSUME_ROLE_DENIED_MESSAGE });
    expect(seen.trust.warnings.map((w) => w.message)).toEqual([ASSUME_ROLE_DENIED_MESSAGE]);
    expect(seen.trust.diagnosis[0].error).toBe(ASSUME_ROLE_DENIED_MESSAGE);

    // The demo's own role failures read the same way.
    const demo = await look(easGateway(emu), HZ, "search-embedder");
    expect(demo.message).toBe(ASSUME_ROLE_DENIED_MESSAGE);
    expect((await look(easGateway(emu), HZ, "chat-summarizer")).message).toBe(ASSUME_ROLE_DENIED_MESSAGE);

    const ram = ramGateway(emu.port);
    expect((await rejection<{ code: string }>(ram.getRole("scn-never-created"))).code).toBe("EntityNotExist.Role");
    expect((await ram.getRole("scn-ecs-only")).assumeRolePolicyDocument).not.toContain("eas.pai.aliyuncs.com");
    expect((await ram.listPoliciesForUser("bob")).map((p) => p.policyName)).not.toContain("PassRole-scn-unpassable");
    await ram.createRole({ roleName: "scn-never-created", assumeRolePolicyDocument: easTrust });
    expect((await redeploy(emu, easGateway(emu), HZ, "scn-missing")).status).toBe("Running");
    await ram.updateRoleTrust("scn-ecs-only", easTrust);
    expect((await redeploy(emu, easGateway(emu), HZ, "scn-trust")).status).toBe("Running");
  });
});
