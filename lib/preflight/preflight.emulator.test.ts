import * as $Ram from "@alicloud/ram20150501";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { ramClient } from "../../tests/support/cloud/clients";
import { createCloud } from "../cloud/create-cloud";
import { parseEnv } from "../env";
import { createInventoryDeps } from "../inventory/deps";
import { ENGINEER } from "../../tests/support/actors";
import { runPreflight, type PreflightAnswer } from "./index";

// Roles made through the official RAM SDK in the emulator, then checked as the console checks them.

let emulator: RunningEmulator;
let uid: string;
const deps = () => createInventoryDeps(createCloud(parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}` })), { ttlMs: 0 });

async function createRole(name: string, trust: unknown, policies: string[] = []) {
  const ram = ramClient(emulator.port);
  await ram.createRole(new $Ram.CreateRoleRequest({ roleName: name, assumeRolePolicyDocument: typeof trust === "string" ? trust : JSON.stringify(trust) }));
  for (const p of policies) await ram.attachPolicyToRole(new $Ram.AttachPolicyToRoleRequest({ policyType: "System", policyName: p, roleName: name }));
}

const statement = (extra: Record<string, unknown>) => ({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", ...extra }] });
const config = (role: string, extra: Record<string, unknown> = {}) => ({ name: "svc", options: { enable_ram_role: true }, role_arn: `acs:ram::${uid}:role/${role}`, ...extra });
const check = (c: unknown, deployer?: string): Promise<PreflightAnswer> => runPreflight(deps(), ENGINEER, { config: c, region: "cn-hangzhou", deployer });
const codes = (a: PreflightAnswer) => a.findings.map((f) => f.code);

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} });
  const ram = ramClient(emulator.port);
  uid = (await ram.getRole(new $Ram.GetRoleRequest({ roleName: "eas-oss-reader" }))).body!.role!.arn!.split(":")[3];
  await createRole("trust-string", statement({ Principal: { Service: "eas.pai.aliyuncs.com" } }));
  await createRole("trust-list", statement({ Principal: { Service: ["ecs.aliyuncs.com", "eas.pai.aliyuncs.com"] } }), ["AliyunOSSReadOnlyAccess"]);
  await createRole("trust-ecs", statement({ Principal: { Service: ["ecs.aliyuncs.com"] } }));
  await createRole("trust-deny", {
    Version: "1",
    Statement: [
      { Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } },
      { Effect: "Deny", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } },
    ],
  });
  await createRole("trust-condition", statement({ Principal: { Service: ["eas.pai.aliyuncs.com"] }, Condition: { IpAddress: { "acs:SourceIp": ["10.0.0.0/8"] } } }));
  await ram.createUser(new $Ram.CreateUserRequest({ userName: "dave" }));
});
afterAll(() => emulator?.close());

describe("preflight against roles made with the official SDK", () => {
  it("a trust policy naming EAS as a string or in a list lets EAS assume the role", async () => {
    expect(await check(config("trust-string"))).toEqual({ method: "custom", roleArn: `acs:ram::${uid}:role/trust-string`, findings: [] });
    expect(codes(await check(config("trust-list", { storage: [{ oss: { path: "oss://models/", readOnly: true }, mount_path: "/m" }] })))).toEqual([]);
  });

  it("TRUST_MISSING_EAS for another service, a Deny and a condition, each saying which", async () => {
    const [ecs, deny, cond] = await Promise.all(["trust-ecs", "trust-deny", "trust-condition"].map((r) => check(config(r))));
    expect(codes(ecs)).toEqual(["TRUST_MISSING_EAS"]);
    expect(ecs.findings[0].message).toBe("The trust policy of trust-ecs does not name eas.pai.aliyuncs.com, so EAS cannot assume the role.");
    expect(codes(deny)).toEqual(["TRUST_MISSING_EAS"]);
    expect(deny.findings[0].message).toContain("explicit Deny in Statement[1]");
    expect(codes(cond)).toEqual(["TRUST_MISSING_EAS"]);
    expect(cond.findings[0].message).toContain("(acs:SourceIp)");
    expect(cond.findings[0].fix).toBe("Remove the Condition from Statement[0]: EAS assumes the role without the context it asks for.");
  });

  it("ROLE_NOT_FOUND, NEED_NOT_COVERED and PASSROLE_MISSING from the demo account", async () => {
    expect(codes(await check(config("deleted-role")))).toEqual(["ROLE_NOT_FOUND"]);
    const write = await check(config("trust-list", { storage: [{ oss: { path: "oss://models/v2/" }, mount_path: "/m" }] }));
    expect(write.findings.map((f) => [f.code, f.path])).toEqual([["NEED_NOT_COVERED", "storage[0].oss.path"]]);
    expect(write.findings[0].message).toContain(`needs oss:PutObject on acs:oss:*:${uid}:models/v2/*`);
    expect(write.findings[0].fix).toContain("Attach AliyunOSSFullAccess to trust-list");
    expect(codes(await check(config("eas-oss-reader"), "bob"))).toEqual([]);
    expect(codes(await check(config("eas-oss-reader"), "dave"))).toEqual(["PASSROLE_MISSING"]);
  });

  it("a deployer who is no RAM user is bad input naming the field", async () => {
    await expect(check(config("eas-oss-reader"), "nobody")).rejects.toMatchObject({ code: "invalid_input", fields: { deployer: "must name a RAM user of this account" } });
  });

  it("Method 1 reads the service-linked role through the cloud", async () => {
    const a = await check({ name: "svc", options: { enable_ram_role: true }, storage: [{ oss: { path: "oss://a1b/" }, mount_path: "/m" }] });
    expect(a.method).toBe("default");
    expect(a.roleArn).toMatch(/:role\/aliyunserviceroleforpaieas$/i);
    expect(codes(a)).toEqual(["WORKSPACE_ID_MISSING"]);
  });

});
