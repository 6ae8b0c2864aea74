import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ram, * as $Ram from "@alicloud/ram20150501";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../server";
import { ramClient, ramRpc, rejection } from "../../tests/support/cloud/clients";

// Names that are also properties of every JavaScript object are ordinary names to RAM: a role
// called `constructor` must not exist before it is created, and must work once it is.

interface SdkError {
  code: string;
  statusCode: number;
}
const fails = async (p: Promise<unknown>) => {
  const e = await rejection<SdkError>(p);
  return [e.code, e.statusCode];
};
const trust = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } }] });
const doc = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "oss:GetObject", Resource: "*" }] });

/** Valid role, policy, user and group names; `__proto__` only where `_` is allowed (users, groups). */
const NAMES = ["constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf"];

let emu: RunningEmulator;
let ram: Ram;
let data: string;
beforeAll(async () => {
  data = mkdtempSync(join(tmpdir(), "emu-proto-"));
  emu = await createEmulator({ port: 0, seed: "empty", dataDir: data, deployDelayMs: 20 });
  ram = ramClient(emu.port);
});
afterAll(async () => {
  await emu.close();
  rmSync(data, { recursive: true, force: true });
});

describe("names that are Object.prototype properties", () => {
  it.each(NAMES)("role %s: not found, then created, read, listed and deleted", async (name) => {
    expect(await fails(ram.getRole(new $Ram.GetRoleRequest({ roleName: name })))).toEqual(["EntityNotExist.Role", 404]);
    expect(await fails(ram.deleteRole(new $Ram.DeleteRoleRequest({ roleName: name })))).toEqual(["EntityNotExist.Role", 404]);
    const created = (await ram.createRole(new $Ram.CreateRoleRequest({ roleName: name, assumeRolePolicyDocument: trust }))).body?.role;
    expect(created?.roleName).toBe(name);
    expect((await ram.getRole(new $Ram.GetRoleRequest({ roleName: name }))).body?.role?.roleName).toBe(name);
    expect((await ram.listRoles(new $Ram.ListRolesRequest({}))).body?.roles?.role?.map((r) => r.roleName)).toContain(name);
    await ram.deleteRole(new $Ram.DeleteRoleRequest({ roleName: name }));
    expect(await fails(ram.getRole(new $Ram.GetRoleRequest({ roleName: name })))).toEqual(["EntityNotExist.Role", 404]);
  });

  it.each(NAMES)("policy %s: not found, then created, attached, read and deleted", async (name) => {
    expect(await fails(ram.getPolicy(new $Ram.GetPolicyRequest({ policyName: name, policyType: "Custom" })))).toEqual(["EntityNotExist.Policy", 404]);
    await ram.createPolicy(new $Ram.CreatePolicyRequest({ policyName: name, policyDocument: doc }));
    await ram.createRole(new $Ram.CreateRoleRequest({ roleName: `holder-${name}`, assumeRolePolicyDocument: trust }));
    await ram.attachPolicyToRole(new $Ram.AttachPolicyToRoleRequest({ policyName: name, policyType: "Custom", roleName: `holder-${name}` }));
    const attached = (await ram.listPoliciesForRole(new $Ram.ListPoliciesForRoleRequest({ roleName: `holder-${name}` }))).body?.policies?.policy;
    expect(attached?.map((p) => p.policyName)).toEqual([name]);
    expect((await ram.getPolicy(new $Ram.GetPolicyRequest({ policyName: name, policyType: "Custom" }))).body?.policy?.attachmentCount).toBe(1);
    await ram.detachPolicyFromRole(new $Ram.DetachPolicyFromRoleRequest({ policyName: name, policyType: "Custom", roleName: `holder-${name}` }));
    await ram.deletePolicy(new $Ram.DeletePolicyRequest({ policyName: name }));
    expect(await fails(ram.getPolicy(new $Ram.GetPolicyRequest({ policyName: name, policyType: "Custom" })))).toEqual(["EntityNotExist.Policy", 404]);
  });

  it.each([...NAMES, "__proto__"])("user and group %s: not found, then created, joined and read; the group deleted", async (name) => {
    expect(await fails(ram.getUser(new $Ram.GetUserRequest({ userName: name })))).toEqual(["EntityNotExist.User", 404]);
    expect(await fails(ram.getGroup(new $Ram.GetGroupRequest({ groupName: name })))).toEqual(["EntityNotExist.Group", 404]);
    await ram.createUser(new $Ram.CreateUserRequest({ userName: name }));
    await ram.createGroup(new $Ram.CreateGroupRequest({ groupName: name }));
    await ram.addUserToGroup(new $Ram.AddUserToGroupRequest({ userName: name, groupName: name }));
    expect((await ram.getUser(new $Ram.GetUserRequest({ userName: name }))).body?.user?.userName).toBe(name);
    expect((await ram.listGroupsForUser(new $Ram.ListGroupsForUserRequest({ userName: name }))).body?.groups?.group?.map((g) => g.groupName)).toEqual([name]);
    expect((await ram.listUsers(new $Ram.ListUsersRequest({}))).body?.users?.user?.map((u) => u.userName)).toContain(name);
    await ram.removeUserFromGroup(new $Ram.RemoveUserFromGroupRequest({ userName: name, groupName: name }));
    await ram.deleteGroup(new $Ram.DeleteGroupRequest({ groupName: name }));
    expect(await fails(ram.getGroup(new $Ram.GetGroupRequest({ groupName: name })))).toEqual(["EntityNotExist.Group", 404]);
  });

  it("a service name that is a prototype property is an unknown service", async () => {
    for (const serviceName of ["constructor", "toString", "__proto__"]) {
      expect(await fails(ramRpc(emu.port, "CreateServiceLinkedRole", { ServiceName: serviceName }))).toEqual(["InvalidParameter.ServiceName", 400]);
    }
  });

  it("keeps such names through a restart", async () => {
    await ram.createGroup(new $Ram.CreateGroupRequest({ groupName: "__proto__", comments: "kept" }));
    await ram.createRole(new $Ram.CreateRoleRequest({ roleName: "constructor", assumeRolePolicyDocument: trust }));
    await emu.close();
    emu = await createEmulator({ port: 0, seed: "empty", dataDir: data, deployDelayMs: 20 });
    ram = ramClient(emu.port);
    expect((await ram.getGroup(new $Ram.GetGroupRequest({ groupName: "__proto__" }))).body?.group?.comments).toBe("kept");
    expect((await ram.getRole(new $Ram.GetRoleRequest({ roleName: "constructor" }))).body?.role?.roleName).toBe("constructor");
    expect(await fails(ram.getRole(new $Ram.GetRoleRequest({ roleName: "toString" })))).toEqual(["EntityNotExist.Role", 404]);
    expect(await fails(ram.getGroup(new $Ram.GetGroupRequest({ groupName: "constructor" })))).toEqual(["EntityNotExist.Group", 404]);
  });
});
