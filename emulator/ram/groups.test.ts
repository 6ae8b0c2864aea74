import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ram, * as $Ram from "@alicloud/ram20150501";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STATE_FILE } from "../core/defaults";
import { createEmulator, type RunningEmulator } from "../server";
import { ramClient, rejection } from "../../tests/support/cloud/clients";

interface SdkError {
  code: string;
  statusCode: number;
}
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const allowDoc = (action: string) => JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });
const fails = async (p: Promise<unknown>) => {
  const e = await rejection<SdkError>(p);
  return [e.code, e.statusCode];
};

let emu: RunningEmulator;
let ram: Ram;
beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20 });
  ram = ramClient(emu.port);
});
afterAll(() => emu.close());

describe("groups on the wire", () => {
  it("creates, reads, renames and deletes a group with RAM's fields", async () => {
    const created = (await ram.createGroup(new $Ram.CreateGroupRequest({ groupName: "Dev-Team", comments: "Developers" }))).body?.group;
    expect(created).toMatchObject({ groupName: "Dev-Team", comments: "Developers" });
    expect(created?.groupId).toMatch(/^g-[A-Za-z0-9]{16}$/);
    expect(created?.createDate).toMatch(ISO);
    const got = (await ram.getGroup(new $Ram.GetGroupRequest({ groupName: "dev-team" }))).body?.group;
    expect(got).toMatchObject({ groupId: created?.groupId, groupName: "Dev-Team", comments: "Developers" });
    expect(got?.updateDate).toMatch(ISO);
    const renamed = (await ram.updateGroup(new $Ram.UpdateGroupRequest({ groupName: "Dev-Team", newGroupName: "Dev-Team-2", newComments: "Renamed" }))).body?.group;
    expect(renamed).toMatchObject({ groupName: "Dev-Team-2", comments: "Renamed", groupId: created?.groupId });
    expect(await fails(ram.getGroup(new $Ram.GetGroupRequest({ groupName: "Dev-Team" })))).toEqual(["EntityNotExist.Group", 404]);
    expect((await ram.deleteGroup(new $Ram.DeleteGroupRequest({ groupName: "Dev-Team-2" }))).body?.requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(await fails(ram.deleteGroup(new $Ram.DeleteGroupRequest({ groupName: "Dev-Team-2" })))).toEqual(["EntityNotExist.Group", 404]);
  });

  it("pages ListGroups with Marker, at most 100 a page", async () => {
    for (let i = 0; i < 5; i++) await ram.createGroup(new $Ram.CreateGroupRequest({ groupName: `paged-${i}` }));
    const seen: string[] = [];
    let marker: string | undefined;
    do {
      const body = (await ram.listGroups(new $Ram.ListGroupsRequest({ maxItems: 2, marker }))).body;
      expect(body?.groups?.group?.length).toBeLessThanOrEqual(2);
      seen.push(...(body?.groups?.group ?? []).map((g) => g.groupName ?? ""));
      marker = body?.isTruncated ? body.marker : undefined;
    } while (marker);
    const all = (await ram.listGroups(new $Ram.ListGroupsRequest({}))).body?.groups?.group ?? [];
    expect(seen).toEqual(all.map((g) => g.groupName));
    expect(seen).toEqual(expect.arrayContaining(["ml-platform", "paged-0", "paged-4"]));
    expect(all[0].updateDate).toMatch(ISO);
    expect(await fails(ram.listGroups(new $Ram.ListGroupsRequest({ maxItems: 101 })))).toEqual(["InvalidParameter.MaxItems", 400]);
  });

  it("checks names and refuses duplicates", async () => {
    expect(await fails(ram.createGroup(new $Ram.CreateGroupRequest({ groupName: "bad name" })))).toEqual(["InvalidParameter.GroupName.InvalidChars", 400]);
    expect(await fails(ram.createGroup(new $Ram.CreateGroupRequest({ groupName: "g".repeat(65) })))).toEqual(["InvalidParameter.GroupName.Length", 400]);
    expect(await fails(ram.createGroup(new $Ram.CreateGroupRequest({ groupName: "long-comments", comments: "c".repeat(129) })))).toEqual(["InvalidParameter.Comments.Length", 400]);
    expect(await fails(ram.createGroup(new $Ram.CreateGroupRequest({ groupName: "ML-Platform" })))).toEqual(["EntityAlreadyExists.Group", 409]);
    expect(await fails(ram.createGroup(new $Ram.CreateGroupRequest({})))).toEqual(["MissingParameter", 400]);
  });

  it("holds members: add, list both ways, remove, with their errors", async () => {
    await ram.createGroup(new $Ram.CreateGroupRequest({ groupName: "reviewers", comments: "Code reviewers" }));
    await ram.addUserToGroup(new $Ram.AddUserToGroupRequest({ groupName: "reviewers", userName: "bob" }));
    await ram.addUserToGroup(new $Ram.AddUserToGroupRequest({ groupName: "reviewers", userName: "carol" }));
    expect(await fails(ram.addUserToGroup(new $Ram.AddUserToGroupRequest({ groupName: "reviewers", userName: "bob" })))).toEqual(["EntityAlreadyExists.User.Group", 409]);
    expect(await fails(ram.addUserToGroup(new $Ram.AddUserToGroupRequest({ groupName: "reviewers", userName: "nobody" })))).toEqual(["EntityNotExist.User", 404]);
    expect(await fails(ram.addUserToGroup(new $Ram.AddUserToGroupRequest({ groupName: "nogroup", userName: "bob" })))).toEqual(["EntityNotExist.Group", 404]);

    const users = (await ram.listUsersForGroup(new $Ram.ListUsersForGroupRequest({ groupName: "reviewers", maxItems: 1 }))).body;
    expect(users?.isTruncated).toBe(true);
    expect(users?.users?.user).toEqual([{ userName: "bob", displayName: "Bob (ML engineer)", joinDate: expect.stringMatching(ISO) }]);
    const rest = (await ram.listUsersForGroup(new $Ram.ListUsersForGroupRequest({ groupName: "reviewers", marker: users?.marker }))).body;
    expect([rest?.isTruncated, rest?.users?.user?.map((u) => u.userName)]).toEqual([false, ["carol"]]);

    const carols = (await ram.listGroupsForUser(new $Ram.ListGroupsForUserRequest({ userName: "carol" }))).body?.groups?.group ?? [];
    expect(carols.map((g) => [g.groupName, g.comments])).toEqual([["ml-platform", "ML platform engineers"], ["reviewers", "Code reviewers"]]);
    expect(carols[1].groupId).toMatch(/^g-/);
    expect(carols[1].joinDate).toMatch(ISO);

    expect(await fails(ram.deleteGroup(new $Ram.DeleteGroupRequest({ groupName: "reviewers" })))).toEqual(["DeleteConflict.Group.User", 409]);
    await ram.removeUserFromGroup(new $Ram.RemoveUserFromGroupRequest({ groupName: "reviewers", userName: "bob" }));
    expect(await fails(ram.removeUserFromGroup(new $Ram.RemoveUserFromGroupRequest({ groupName: "reviewers", userName: "bob" })))).toEqual(["EntityNotExist.User.Group", 404]);
    await ram.removeUserFromGroup(new $Ram.RemoveUserFromGroupRequest({ groupName: "reviewers", userName: "carol" }));
    expect((await ram.listGroupsForUser(new $Ram.ListGroupsForUserRequest({ userName: "bob" }))).body?.groups?.group).toEqual([]);
    await ram.deleteGroup(new $Ram.DeleteGroupRequest({ groupName: "reviewers" }));
  });

  it("attaches policies, counts them in AttachmentCount and ListEntitiesForPolicy, and guards deletes", async () => {
    await ram.createGroup(new $Ram.CreateGroupRequest({ groupName: "readers" }));
    await ram.createPolicy(new $Ram.CreatePolicyRequest({ policyName: "group-read", policyDocument: allowDoc("oss:GetObject") }));
    await ram.attachPolicyToGroup(new $Ram.AttachPolicyToGroupRequest({ groupName: "readers", policyName: "group-read", policyType: "Custom" }));
    await ram.attachPolicyToGroup(new $Ram.AttachPolicyToGroupRequest({ groupName: "readers", policyName: "AliyunOSSReadOnlyAccess", policyType: "System" }));
    expect(await fails(ram.attachPolicyToGroup(new $Ram.AttachPolicyToGroupRequest({ groupName: "readers", policyName: "group-read", policyType: "Custom" })))).toEqual(["EntityAlreadyExists.Group.Policy", 409]);
    expect(await fails(ram.attachPolicyToGroup(new $Ram.AttachPolicyToGroupRequest({ groupName: "readers", policyName: "nope", policyType: "Custom" })))).toEqual(["EntityNotExist.Policy", 404]);

    const listed = (await ram.listPoliciesForGroup(new $Ram.ListPoliciesForGroupRequest({ groupName: "readers" }))).body?.policies?.policy ?? [];
    expect(listed.map((p) => [p.policyName, p.policyType])).toEqual([["group-read", "Custom"], ["AliyunOSSReadOnlyAccess", "System"]]);
    expect(listed[0]).toMatchObject({ defaultVersion: "v1", attachDate: expect.stringMatching(ISO) });

    const entities = (await ram.listEntitiesForPolicy(new $Ram.ListEntitiesForPolicyRequest({ policyName: "group-read", policyType: "Custom" }))).body;
    expect(entities?.groups?.group).toEqual([{ groupName: "readers", comments: "", attachDate: expect.stringMatching(ISO) }]);
    const nasPass = (await ram.listEntitiesForPolicy(new $Ram.ListEntitiesForPolicyRequest({ policyName: "PassRole-eas-nas-image", policyType: "Custom" }))).body;
    expect(nasPass?.groups?.group?.map((g) => g.groupName)).toEqual(["ml-platform"]);
    expect(nasPass?.users?.user).toEqual([]);
    expect((await ram.getPolicy(new $Ram.GetPolicyRequest({ policyName: "group-read", policyType: "Custom" }))).body?.policy?.attachmentCount).toBe(1);

    expect(await fails(ram.deletePolicy(new $Ram.DeletePolicyRequest({ policyName: "group-read" })))).toEqual(["DeleteConflict.Policy.Group", 409]);
    expect(await fails(ram.deleteGroup(new $Ram.DeleteGroupRequest({ groupName: "readers" })))).toEqual(["DeleteConflict.Group.Policy", 409]);
    await ram.detachPolicyFromGroup(new $Ram.DetachPolicyFromGroupRequest({ groupName: "readers", policyName: "AliyunOSSReadOnlyAccess", policyType: "System" }));
    expect(await fails(ram.detachPolicyFromGroup(new $Ram.DetachPolicyFromGroupRequest({ groupName: "readers", policyName: "AliyunOSSReadOnlyAccess", policyType: "System" })))).toEqual(["EntityNotExist.Group.Policy", 404]);
    await ram.deletePolicy(new $Ram.DeletePolicyRequest({ policyName: "group-read", cascadingDelete: true }));
    expect((await ram.listPoliciesForGroup(new $Ram.ListPoliciesForGroupRequest({ groupName: "readers" }))).body?.policies?.policy).toEqual([]);
    await ram.deleteGroup(new $Ram.DeleteGroupRequest({ groupName: "readers" }));
  });
});

describe("RAM's limits", () => {
  it("a group takes 10 custom policies, a user 10 groups, an account 300 groups", async () => {
    const emu2 = await createEmulator({ port: 0, seed: "demo" });
    const r = ramClient(emu2.port);
    try {
      await r.createGroup(new $Ram.CreateGroupRequest({ groupName: "full" }));
      for (let i = 0; i < 11; i++) await r.createPolicy(new $Ram.CreatePolicyRequest({ policyName: `limit-${i}`, policyDocument: allowDoc("oss:GetObject") }));
      for (let i = 0; i < 10; i++) await r.attachPolicyToGroup(new $Ram.AttachPolicyToGroupRequest({ groupName: "full", policyName: `limit-${i}`, policyType: "Custom" }));
      expect(await fails(r.attachPolicyToGroup(new $Ram.AttachPolicyToGroupRequest({ groupName: "full", policyName: "limit-10", policyType: "Custom" })))).toEqual(["LimitExceeded.Group.Policy", 409]);
      // The system-policy count is its own: a system policy still fits.
      await r.attachPolicyToGroup(new $Ram.AttachPolicyToGroupRequest({ groupName: "full", policyName: "AliyunOSSReadOnlyAccess", policyType: "System" }));

      // ml-platform already holds carol: 9 more groups reach the limit of 10.
      for (let i = 0; i < 9; i++) {
        await r.createGroup(new $Ram.CreateGroupRequest({ groupName: `carol-${i}` }));
        await r.addUserToGroup(new $Ram.AddUserToGroupRequest({ groupName: `carol-${i}`, userName: "carol" }));
      }
      expect(await fails(r.addUserToGroup(new $Ram.AddUserToGroupRequest({ groupName: "full", userName: "carol" })))).toEqual(["LimitExceeded.User.Group", 409]);

      const existing = (await r.listGroups(new $Ram.ListGroupsRequest({}))).body?.groups?.group?.length ?? 0;
      for (let i = existing; i < 300; i++) await r.createGroup(new $Ram.CreateGroupRequest({ groupName: `bulk-${i}` }));
      expect(await fails(r.createGroup(new $Ram.CreateGroupRequest({ groupName: "one-too-many" })))).toEqual(["LimitExceeded.Group", 409]);
    } finally {
      await emu2.close();
    }
  });
});

describe("groups in the state file", () => {
  it("survive a restart, and a file written before groups existed still loads", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "emu-groups-"));
    try {
      const first = await createEmulator({ port: 0, dataDir, seed: "demo" });
      await ramClient(first.port).createGroup(new $Ram.CreateGroupRequest({ groupName: "kept", comments: "survives" }));
      await ramClient(first.port).addUserToGroup(new $Ram.AddUserToGroupRequest({ groupName: "kept", userName: "bob" }));
      await first.close();
      const second = await createEmulator({ port: 0, dataDir, seed: "empty" });
      const groups = (await ramClient(second.port).listGroupsForUser(new $Ram.ListGroupsForUserRequest({ userName: "bob" }))).body?.groups?.group;
      expect(groups?.map((g) => [g.groupName, g.comments])).toEqual([["kept", "survives"]]);
      await second.close();

      const file = join(dataDir, STATE_FILE);
      const saved = JSON.parse(readFileSync(file, "utf8")) as { ram: Record<string, unknown> };
      delete saved.ram.groups;
      writeFileSync(file, JSON.stringify(saved));
      const warnings: string[] = [];
      const third = await createEmulator({ port: 0, dataDir, seed: "empty", log: (l) => warnings.push(l) });
      try {
        expect(warnings).toEqual([]);
        const r = ramClient(third.port);
        expect((await r.getUser(new $Ram.GetUserRequest({ userName: "bob" }))).body?.user?.userName).toBe("bob");
        expect((await r.listGroups(new $Ram.ListGroupsRequest({}))).body?.groups?.group).toEqual([]);
        await r.createGroup(new $Ram.CreateGroupRequest({ groupName: "after-upgrade" }));
      } finally {
        await third.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
