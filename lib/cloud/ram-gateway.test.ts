import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { DEMO_KEYS } from "../../emulator/seed/demo-keys";
import { control, ramGateway, ramRpc, rejection } from "../../tests/support/cloud/clients";
import type { SdkRamGateway } from "./ram-gateway";
import { CloudError } from "./types";
import { REQUEST_ID } from "../../tests/support/request-id";

const trust = (service: string) =>
  JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: [service] } }] });
const allow = (action: string, resource = "*") => JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: action, Resource: resource }] });
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

let emu: RunningEmulator;
let ram: SdkRamGateway;

beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20 });
  ram = ramGateway(emu.port);
});
afterAll(() => emu.close());

async function cloudError(p: Promise<unknown>): Promise<CloudError> {
  const e = await rejection<CloudError>(p);
  expect(e).toBeInstanceOf(CloudError);
  expect(e.requestId).toMatch(REQUEST_ID);
  return e;
}

describe("roles", () => {
  it("creates the PAI-EAS service-linked role through CreateServiceLinkedRole, and refuses it twice", async () => {
    const alice = ramGateway(emu.port, { accessKeyId: DEMO_KEYS.alice.id, accessKeySecret: DEMO_KEYS.alice.secret });
    await ramRpc(emu.port, "DeleteServiceLinkedRole", { RoleName: "AliyunServiceRoleForPaiEas" });
    const created = await alice.createServiceLinkedRole("eas.pai.aliyuncs.com");
    expect(created).toMatchObject({ roleName: "AliyunServiceRoleForPaiEas", arn: "acs:ram::1784200000000001:role/aliyunserviceroleforpaieas" });
    expect(created.requestId).toMatch(REQUEST_ID);
    expect(JSON.parse(created.assumeRolePolicyDocument).Statement[0].Principal.Service).toEqual(["eas.pai.aliyuncs.com"]);
    expect((await ram.getRole("AliyunServiceRoleForPaiEas")).roleId).toBe(created.roleId);
    expect((await cloudError(ram.createServiceLinkedRole("eas.pai.aliyuncs.com"))).code).toBe("EntityAlreadyExists.Role");
  });


  it("creates, reads, updates and deletes a role with every field", async () => {
    const created = await ram.createRole({ roleName: "gw-role", assumeRolePolicyDocument: trust("eas.pai.aliyuncs.com"), description: "d", maxSessionDuration: 7200 });
    expect(created).toMatchObject({ roleName: "gw-role", arn: "acs:ram::1784200000000001:role/gw-role", description: "d", maxSessionDuration: 7200 });
    expect(created.roleId).toMatch(/^\d+$/);
    expect(created.createDate).toMatch(ISO);
    expect(created.requestId).toMatch(REQUEST_ID);
    const got = await ram.getRole("gw-role");
    expect(JSON.parse(got.assumeRolePolicyDocument).Statement[0].Principal.Service).toEqual(["eas.pai.aliyuncs.com"]);
    expect(got.updateDate).toMatch(ISO);
    const updated = await ram.updateRoleTrust("gw-role", trust("ecs.aliyuncs.com"));
    expect(JSON.parse(updated.assumeRolePolicyDocument).Statement[0].Principal.Service).toEqual(["ecs.aliyuncs.com"]);
    expect((await ram.getRole("gw-role")).assumeRolePolicyDocument).toBe(updated.assumeRolePolicyDocument);
    expect((await ram.deleteRole("gw-role")).requestId).toMatch(REQUEST_ID);
    expect((await cloudError(ram.getRole("gw-role"))).code).toBe("EntityNotExist.Role");
  });

  it("pages through every role two at a time", async () => {
    const all = await ram.listAllRoles();
    expect(all.map((r) => r.roleName)).toContain("data-pipeline");
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const p = await ram.listRoles({ marker, maxItems: 2 });
      expect(p.items.length).toBeLessThanOrEqual(2);
      seen.push(...p.items.map((r) => r.roleName));
      marker = p.isTruncated ? p.marker : undefined;
      pages++;
    } while (marker);
    expect(seen).toEqual(all.map((r) => r.roleName));
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect((await cloudError(ram.listRoles({ maxItems: 1001 }))).code).toBe("InvalidParameter.MaxItems");
  });

  it("answers the real error codes for bad input and conflicts", async () => {
    const t = trust("eas.pai.aliyuncs.com");
    const code = async (p: Promise<unknown>) => (await cloudError(p)).code;
    expect(await code(ram.createRole({ roleName: "bad_name", assumeRolePolicyDocument: t }))).toBe("InvalidParameter.RoleName.InvalidChars");
    expect(await code(ram.createRole({ roleName: "x".repeat(65), assumeRolePolicyDocument: t }))).toBe("InvalidParameter.RoleName.Length");
    expect(await code(ram.createRole({ roleName: "ok-name", assumeRolePolicyDocument: t, maxSessionDuration: 100 }))).toBe("InvalidParameter.MaxSessionDuration");
    expect(await code(ram.createRole({ roleName: "ok-name", assumeRolePolicyDocument: t, description: "d".repeat(1025) }))).toBe("InvalidParameter.Description.Length");
    expect(await code(ram.createRole({ roleName: "eas-oss-reader", assumeRolePolicyDocument: t }))).toBe("EntityAlreadyExists.Role");
    const malformed = await cloudError(ram.createRole({ roleName: "ok-name", assumeRolePolicyDocument: '{"Version":"1","Statement":[{"Effect":"Maybe","Action":"sts:AssumeRole","Principal":{"Service":["a"]}}]}' }));
    expect(malformed.code).toBe("MalformedPolicyDocument");
    expect(malformed.message).toContain("Statement[0].Effect");
    expect(malformed.httpStatus).toBe(400);
    expect(await code(ram.deleteRole("eas-oss-reader"))).toBe("DeleteConflict.Role.Policy");
    expect(await code(ram.deleteRole("AliyunServiceRoleForPaiEas"))).toBe("DeleteConflict.Role.ServiceLinkedRole");
    expect((await cloudError(ram.getRole("nope"))).httpStatus).toBe(404);
  });
});

describe("policies", () => {
  it("creates a custom policy, versions it and reads every version", async () => {
    const created = await ram.createPolicy({ policyName: "gw-policy", policyDocument: allow("oss:GetObject"), description: "read" });
    expect(created).toMatchObject({ policyName: "gw-policy", policyType: "Custom", description: "read", defaultVersion: "v1" });
    const v2 = await ram.createPolicyVersion({ policyName: "gw-policy", policyDocument: allow("oss:PutObject"), setAsDefault: true });
    expect(v2).toMatchObject({ versionId: "v2", isDefaultVersion: true });
    const got = await ram.getPolicy("gw-policy", "Custom");
    expect(got).toMatchObject({ defaultVersion: "v2", attachmentCount: 0 });
    expect(JSON.parse(got.policyDocument).Statement[0].Action).toBe("oss:PutObject");
    const v1 = await ram.getPolicyVersion("gw-policy", "Custom", "v1");
    expect(v1).toMatchObject({ versionId: "v1", isDefaultVersion: false });
    expect((await ram.listPolicyVersions("gw-policy", "Custom")).map((v) => v.versionId)).toEqual(["v1", "v2"]);
    for (let i = 0; i < 3; i++) await ram.createPolicyVersion({ policyName: "gw-policy", policyDocument: allow(`oss:Get${i}`) });
    expect((await cloudError(ram.createPolicyVersion({ policyName: "gw-policy", policyDocument: allow("oss:X") }))).code).toBe("LimitExceeded.Policy.Version");
    expect((await cloudError(ram.getPolicyVersion("gw-policy", "Custom", "v9"))).code).toBe("EntityNotExist.Policy.Version");
    expect((await cloudError(ram.getPolicyVersion("gw-policy", "Custom", "nine"))).code).toBe("InvalidParameter.VersionId.Format");
    expect((await cloudError(ram.deletePolicy("gw-policy"))).code).toBe("DeleteConflict.Policy.Version");
    await ram.deletePolicy("gw-policy", { cascade: true });
    expect((await cloudError(ram.getPolicy("gw-policy", "Custom"))).code).toBe("EntityNotExist.Policy");
  });

  it("reads system policies with their documents and filters lists by type", async () => {
    const oss = await ram.getPolicy("AliyunOSSReadOnlyAccess", "System");
    expect(JSON.parse(oss.policyDocument).Statement[0].Action).toEqual(["oss:Get*", "oss:List*"]);
    expect(oss.attachmentCount).toBeGreaterThan(3);
    const system = await ram.listAllPolicies("System");
    expect(system.every((p) => p.policyType === "System")).toBe(true);
    expect(system.map((p) => p.policyName)).toContain("AliyunServiceRolePolicyForPaiEas");
    const custom = await ram.listAllPolicies("Custom");
    expect(custom.map((p) => p.policyName).sort()).toEqual(
      ["PassRole-eas-nas-image", "PassRole-eas-oss-reader", "deny-oss-delete", "llm-artifacts-read", "oss-models-rw", "temp-debug-access"].sort(),
    );
    const paged = await ram.listPolicies({ maxItems: 5 });
    expect(paged.items).toHaveLength(5);
    expect(paged.isTruncated).toBe(true);
    expect((await cloudError(ram.createPolicy({ policyName: "big", policyDocument: allow("oss:" + "a".repeat(6200)) }))).code).toBe("InvalidParameter.PolicyDocument.Length");
    expect((await cloudError(ram.createPolicy({ policyName: "bad_name", policyDocument: allow("oss:A") }))).code).toBe("InvalidParameter.PolicyName.InvalidChars");
    expect((await cloudError(ram.getPolicy("AliyunOSSReadOnlyAccess", "Nope" as never))).code).toBe("InvalidParameter.PolicyType");
  });

  it("attaches and detaches policies to roles and users and lists the entities", async () => {
    await ram.createRole({ roleName: "gw-attach", assumeRolePolicyDocument: trust("eas.pai.aliyuncs.com") });
    await ram.createPolicy({ policyName: "gw-attach-policy", policyDocument: allow("oss:GetObject") });
    await ram.attachPolicyToRole({ policyName: "gw-attach-policy", policyType: "Custom", roleName: "gw-attach" });
    await ram.attachPolicyToUser({ policyName: "gw-attach-policy", policyType: "Custom", userName: "carol" });
    const forRole = await ram.listPoliciesForRole("gw-attach");
    expect(forRole).toEqual([{ policyName: "gw-attach-policy", policyType: "Custom", description: "", defaultVersion: "v1", attachDate: expect.stringMatching(ISO) }]);
    expect((await ram.listPoliciesForUser("carol")).map((p) => p.policyName)).toContain("gw-attach-policy");
    const entities = await ram.listEntitiesForPolicy("gw-attach-policy", "Custom");
    expect(entities.roles.map((r) => r.roleName)).toEqual(["gw-attach"]);
    expect(entities.users.map((u) => u.userName)).toEqual(["carol"]);
    expect(entities.groups).toEqual([]);
    expect((await cloudError(ram.attachPolicyToRole({ policyName: "gw-attach-policy", policyType: "Custom", roleName: "gw-attach" }))).code).toBe("EntityAlreadyExists.Role.Policy");
    expect((await cloudError(ram.deletePolicy("gw-attach-policy"))).code).toBe("DeleteConflict.Policy.User");
    await ram.detachPolicyFromUser({ policyName: "gw-attach-policy", policyType: "Custom", userName: "carol" });
    expect((await cloudError(ram.deletePolicy("gw-attach-policy"))).code).toBe("DeleteConflict.Policy.Role");
    await ram.detachPolicyFromRole({ policyName: "gw-attach-policy", policyType: "Custom", roleName: "gw-attach" });
    expect((await cloudError(ram.detachPolicyFromRole({ policyName: "gw-attach-policy", policyType: "Custom", roleName: "gw-attach" }))).code).toBe("EntityNotExist.Role.Policy");
    expect((await cloudError(ram.detachPolicyFromUser({ policyName: "gw-attach-policy", policyType: "Custom", userName: "carol" }))).code).toBe("EntityNotExist.User.Policy");
    await ram.deletePolicy("gw-attach-policy");
    await ram.deleteRole("gw-attach");
  });
});

describe("users and identity", () => {
  it("creates, reads and pages users", async () => {
    const u = await ram.createUser({ userName: "dave", displayName: "Dave", comments: "new" });
    expect(u).toMatchObject({ userName: "dave", displayName: "Dave", comments: "new" });
    expect(u.userId).toMatch(/^\d+$/);
    const got = await ram.getUser("dave");
    expect(got).toMatchObject({ userId: u.userId, displayName: "Dave", comments: "new" });
    expect(got).not.toHaveProperty("email");
    const all = await ram.listAllUsers();
    expect(all.map((x) => x.userName)).toEqual(["alice", "bob", "carol", "dave"]);
    const first = await ram.listUsers({ maxItems: 3 });
    expect(first.isTruncated).toBe(true);
    const rest = await ram.listUsers({ maxItems: 3, marker: first.marker });
    expect(rest.items.map((x) => x.userName)).toEqual(["dave"]);
    expect((await cloudError(ram.getUser("nobody"))).code).toBe("EntityNotExist.User");
    expect((await cloudError(ram.createUser({ userName: "dave" }))).code).toBe("EntityAlreadyExists.User");
  });

  it("reports the caller's identity through STS", async () => {
    expect(await ram.getCallerIdentity()).toMatchObject({ accountId: "1784200000000001", identityType: "Account", arn: "acs:ram::1784200000000001:root" });
  });
});

describe("fault injection", () => {
  it("retries throttling, then surfaces the code and RequestId", async () => {
    await control(emu.url, "DELETE", "/_emulator/stats");
    await control(emu.url, "PUT", "/_emulator/faults", { operation: "GetRole", errorRate: 1, errorCode: "Throttling.User", httpStatus: 400 });
    const e = await cloudError(ram.getRole("eas-oss-reader"));
    expect(e.code).toBe("Throttling.User");
    expect(e.httpStatus).toBe(400);
    const stats = (await control(emu.url, "GET", "/_emulator/stats")).json as { calls: Record<string, number> };
    expect(stats.calls.GetRole).toBe(3); // first attempt + FAST_RETRY's 2 retries
    expect((await ram.listRoles({ maxItems: 1 })).items).toHaveLength(1);
    await control(emu.url, "DELETE", "/_emulator/faults");
    expect((await ram.getRole("eas-oss-reader")).roleName).toBe("eas-oss-reader");
  });

  it("adds the configured latency", async () => {
    // A lower bound only: a busy machine can make a call slower, never faster than the latency.
    await control(emu.url, "PUT", "/_emulator/faults", { operation: "*", latencyMs: 150 });
    const t0 = performance.now();
    await ram.getRole("eas-oss-reader");
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    await control(emu.url, "DELETE", "/_emulator/faults");
    expect((await control(emu.url, "GET", "/_emulator/faults")).json).toEqual({ faults: [] });
  });
});

describe("groups", () => {
  it("creates a group, adds a user, attaches a policy, lists both ways, and deletes it", async () => {
    const created = await ram.createGroup({ groupName: "gw-group", comments: "gateway test" });
    expect(created).toMatchObject({ groupName: "gw-group", comments: "gateway test" });
    expect(created.requestId).toMatch(REQUEST_ID);
    expect((await ram.addUserToGroup({ groupName: "gw-group", userName: "bob" })).requestId).toMatch(REQUEST_ID);
    await ram.attachPolicyToGroup({ groupName: "gw-group", policyName: "AliyunOSSReadOnlyAccess", policyType: "System" });
    expect((await ram.listUsersForGroup("gw-group")).items.map((u) => u.userName)).toEqual(["bob"]);
    expect((await ram.listGroupsForUser("bob")).map((g) => g.groupName)).toContain("gw-group");
    expect((await ram.listPoliciesForGroup("gw-group")).map((p) => [p.policyName, p.policyType])).toEqual([["AliyunOSSReadOnlyAccess", "System"]]);
    expect((await ram.getGroup("gw-group")).comments).toBe("gateway test");
    expect((await ram.listGroups()).items.map((g) => g.groupName)).toEqual(expect.arrayContaining(["gw-group", "ml-platform"]));
    expect((await cloudError(ram.deleteGroup("gw-group"))).code).toMatch(/^DeleteConflict\.Group\./);
    await ram.detachPolicyFromGroup({ groupName: "gw-group", policyName: "AliyunOSSReadOnlyAccess", policyType: "System" });
    await ram.removeUserFromGroup({ groupName: "gw-group", userName: "bob" });
    expect((await ram.deleteGroup("gw-group")).requestId).toMatch(REQUEST_ID);
    expect((await cloudError(ram.getGroup("gw-group"))).code).toBe("EntityNotExist.Group");
  });
});
