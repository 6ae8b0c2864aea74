import * as $Ram from "@alicloud/ram20150501";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudError } from "../../lib/cloud/types";
import { DEMO_KEYS } from "../seed/demo-keys";
import { createEmulator, type RunningEmulator } from "../server";
import { control, easGateway, ramClient, rejection, stsClient, type KeyPair } from "../../tests/support/cloud/clients";

const HZ = "cn-hangzhou";
const SG = "ap-southeast-1";
const UID = "1784200000000001";
const carol: KeyPair = { accessKeyId: DEMO_KEYS.carol.id, accessKeySecret: DEMO_KEYS.carol.secret };
const trust = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } }] });

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20 });
});
afterAll(() => emu.close());

const root = () => ramClient(emu.port);
const join = (groupName: string) => root().addUserToGroup(new $Ram.AddUserToGroupRequest({ groupName, userName: "carol" }));
const leave = (groupName: string) => root().removeUserFromGroup(new $Ram.RemoveUserFromGroupRequest({ groupName, userName: "carol" }));
const attach = (groupName: string, policyName: string, policyType = "System") =>
  root().attachPolicyToGroup(new $Ram.AttachPolicyToGroupRequest({ groupName, policyName, policyType }));
const code = async (p: Promise<unknown>) => (await rejection<{ code: string }>(p)).code;
const settle = () => control(emu.url, "POST", "/_emulator/settle");

describe("a user's group policies count in every decision about the user", () => {
  it("RAM: a group's policy lets carol create a role, and leaving the group takes it away", async () => {
    const create = (name: string) => ramClient(emu.port, carol).createRole(new $Ram.CreateRoleRequest({ roleName: name, assumeRolePolicyDocument: trust }));
    expect(await code(create("carols-role"))).toBe("NoPermission");
    await root().createGroup(new $Ram.CreateGroupRequest({ groupName: "ram-admins" }));
    await attach("ram-admins", "AliyunRAMFullAccess");
    await join("ram-admins");
    try {
      expect((await create("carols-role")).body?.role?.roleName).toBe("carols-role");
    } finally {
      await leave("ram-admins");
    }
    expect(await code(create("carols-other-role"))).toBe("NoPermission");
  });

  it("a Deny in a group's policy overrides the user's own Allow", async () => {
    const deny = JSON.stringify({ Version: "1", Statement: [{ Effect: "Deny", Action: "ram:GetRole", Resource: "*" }] });
    await root().createPolicy(new $Ram.CreatePolicyRequest({ policyName: "no-get-role", policyDocument: deny }));
    await root().createGroup(new $Ram.CreateGroupRequest({ groupName: "restricted" }));
    await attach("restricted", "no-get-role", "Custom");
    const get = () => ramClient(emu.port, carol).getRole(new $Ram.GetRoleRequest({ roleName: "data-pipeline" }));
    expect((await get()).body?.role?.roleName).toBe("data-pipeline");
    await join("restricted");
    try {
      const e = await rejection<{ code: string; accessDeniedDetail: Record<string, unknown> }>(get());
      expect([e.code, e.accessDeniedDetail.NoPermissionType]).toEqual(["NoPermission", "ExplicitDeny"]);
    } finally {
      await leave("restricted");
    }
  });

  it("STS: sts:AssumeRole granted through a group", async () => {
    const assume = () => stsClient(emu.port, carol).assumeRole({ roleArn: `acs:ram::${UID}:role/data-pipeline`, roleSessionName: "carol-session" });
    expect(((await rejection<CloudError>(assume())) as CloudError).code).toBe("NoPermission");
    await root().createGroup(new $Ram.CreateGroupRequest({ groupName: "assumers" }));
    await attach("assumers", "AliyunSTSAssumeRoleAccess");
    await join("assumers");
    try {
      expect((await assume()).credentials.accessKeyId).toMatch(/^STS\./);
    } finally {
      await leave("assumers");
    }
  });

  it("EAS: eas:* read access through a group, while writes stay refused", async () => {
    await root().detachPolicyFromUser(new $Ram.DetachPolicyFromUserRequest({ policyName: "AliyunPAIEASFullAccess", policyType: "System", userName: "carol" }));
    try {
      const eas = easGateway(emu, carol);
      expect(((await rejection<CloudError>(eas.listServices(HZ))) as CloudError).code).toBe("NoPermission");
      await attach("ml-platform", "AliyunPAIEASReadOnlyAccess");
      try {
        expect((await eas.listServices(HZ)).totalCount).toBeGreaterThan(0);
        expect(((await rejection<CloudError>(eas.createService(HZ, JSON.stringify({ name: "carol-svc" })))) as CloudError).code).toBe("NoPermission");
      } finally {
        await root().detachPolicyFromGroup(new $Ram.DetachPolicyFromGroupRequest({ groupName: "ml-platform", policyName: "AliyunPAIEASReadOnlyAccess", policyType: "System" }));
      }
    } finally {
      await root().attachPolicyToUser(new $Ram.AttachPolicyToUserRequest({ policyName: "AliyunPAIEASFullAccess", policyType: "System", userName: "carol" }));
    }
  });

  it("PassRole at deploy: carol passes eas-nas-image through ml-platform (demo seed), and not once she leaves it", async () => {
    const eas = easGateway(emu, carol);
    const config = {
      name: "carol-features",
      metadata: { instance: 1, cpu: 2, memory: 4000 },
      options: { enable_ram_role: true },
      role_arn: `acs:ram::${UID}:role/eas-nas-image`,
      containers: [{ image: "registry-vpc.ap-southeast-1.aliyuncs.com/features/store-server:3.2", port: 8080 }],
    };
    await eas.createService(SG, JSON.stringify(config));
    await settle();
    expect((await eas.describeService(SG, "carol-features")).status).toBe("Running");
    const own = (await root().listPoliciesForUser(new $Ram.ListPoliciesForUserRequest({ userName: "carol" }))).body?.policies?.policy ?? [];
    expect(own.map((p) => p.policyName)).not.toContain("PassRole-eas-nas-image");

    await leave("ml-platform");
    try {
      await eas.updateService(SG, "carol-features", JSON.stringify({ metadata: { instance: 2 } }));
      await settle();
      const svc = await eas.describeService(SG, "carol-features");
      expect(svc.status).toBe("Failed");
      expect(svc.message).toContain("failed to pass role");
      expect(svc.message).toContain(`acs:ram::${UID}:role/eas-nas-image`);
    } finally {
      await join("ml-platform");
    }
    await eas.updateService(SG, "carol-features", JSON.stringify({}));
    await settle();
    expect((await eas.describeService(SG, "carol-features")).status).toBe("Running");
  });
});
