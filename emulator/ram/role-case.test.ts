import * as $Ram from "@alicloud/ram20150501";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../server";
import { ramClient, rejection } from "../../tests/support/cloud/clients";

// RAM role names ignore case, and RAM writes the name lower-case in the role's ARN: the official
// SDK reads every answer that carries an Arn, for a role created with a mixed-case name.

const UID = "1784200000000001";
const ARN = `acs:ram::${UID}:role/easmixedcase`;
const trust = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } }] });

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20 });
});
afterAll(() => emu.close());

describe("a role whose name mixes case", () => {
  it("CreateRole, GetRole (either spelling), ListRoles, UpdateRole and ListEntitiesForPolicy write the ARN lower-case and keep RoleName as created", async () => {
    const ram = ramClient(emu.port);
    const created = await ram.createRole(new $Ram.CreateRoleRequest({ roleName: "EasMixedCase", assumeRolePolicyDocument: trust }));
    expect([created.body?.role?.roleName, created.body?.role?.arn]).toEqual(["EasMixedCase", ARN]);
    for (const roleName of ["EasMixedCase", "easmixedcase", "EASMIXEDCASE"]) {
      const got = await ram.getRole(new $Ram.GetRoleRequest({ roleName }));
      expect([got.body?.role?.roleName, got.body?.role?.arn]).toEqual(["EasMixedCase", ARN]);
    }
    const listed = (await ram.listRoles(new $Ram.ListRolesRequest({ maxItems: 1000 }))).body?.roles?.role ?? [];
    expect(listed.filter((r) => r.roleName?.toLowerCase() === "easmixedcase").map((r) => [r.roleName, r.arn])).toEqual([["EasMixedCase", ARN]]);
    const updated = await ram.updateRole(new $Ram.UpdateRoleRequest({ roleName: "easmixedcase", newDescription: "one role" }));
    expect([updated.body?.role?.roleName, updated.body?.role?.arn]).toEqual(["EasMixedCase", ARN]);
    await ram.attachPolicyToRole(new $Ram.AttachPolicyToRoleRequest({ policyType: "System", policyName: "AliyunOSSReadOnlyAccess", roleName: "EASMIXEDCASE" }));
    const entities = await ram.listEntitiesForPolicy(new $Ram.ListEntitiesForPolicyRequest({ policyType: "System", policyName: "AliyunOSSReadOnlyAccess" }));
    expect(entities.body?.roles?.role?.filter((r) => r.roleName === "EasMixedCase").map((r) => r.arn)).toEqual([ARN]);
    const again = await rejection<{ code: string }>(ram.createRole(new $Ram.CreateRoleRequest({ roleName: "easMixedCASE", assumeRolePolicyDocument: trust })));
    expect(again.code).toBe("EntityAlreadyExists.Role");
  });

  it("the service-linked role's ARN is lower-case too", async () => {
    const got = await ramClient(emu.port).getRole(new $Ram.GetRoleRequest({ roleName: "AliyunServiceRoleForPaiEas" }));
    expect([got.body?.role?.roleName, got.body?.role?.arn]).toEqual(["AliyunServiceRoleForPaiEas", `acs:ram::${UID}:role/aliyunserviceroleforpaieas`]);
  });
});
