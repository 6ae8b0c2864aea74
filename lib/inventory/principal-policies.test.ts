import { describe, expect, it } from "vitest";
import type { AttachedPolicy, Cloud, Policy } from "../cloud/types";
import { buildPassRolePolicy } from "../policy";
import { createInventoryDeps } from "./deps";
import { fetchAllUserPolicies } from "./principal-policies";
import { passersByRole } from "./role-index";

// Names that are also properties of every JavaScript object (`__proto__` is a valid RAM user
// name, `constructor` and `toString` valid policy names) are ordinary keys in the console's maps.

const ACCOUNT = "1784200000000001";
const ROLE = { name: "eas-oss-reader", arn: `acs:ram::${ACCOUNT}:role/eas-oss-reader` };
const passRole = JSON.stringify(buildPassRolePolicy(ROLE.name));
const attached = (policyName: string): AttachedPolicy => ({ policyName, policyType: "Custom", description: "", defaultVersion: "v1", attachDate: "" });

function fakeCloud(): Cloud {
  const userPolicies = new Map([["bob", [attached("toString")]]]);
  const ram = {
    listUsers: async () => ({ items: ["__proto__", "bob"].map((u) => ({ userId: u, userName: u, displayName: u, createDate: "" })), isTruncated: false }),
    listGroups: async () => ({ items: [{ groupId: "g-1", groupName: "ml-platform", comments: "", createDate: "" }], isTruncated: false }),
    listUsersForGroup: async () => ({ items: [{ userName: "__proto__", displayName: "", joinDate: "" }], isTruncated: false }),
    listPoliciesForGroup: async () => [attached("constructor")],
    listPoliciesForUser: async (name: string) => userPolicies.get(name) ?? [],
    getPolicy: async (policyName: string): Promise<Policy> => ({ policyName, policyType: "Custom", description: "", defaultVersion: "v1", attachmentCount: 1, createDate: "", policyDocument: passRole }),
  };
  return { ram, describe: () => ({ mode: "emulator", endpoint: "x", regions: ["cn-hangzhou"]}) } as unknown as Cloud;
}

describe("user policies keyed by RAM names", () => {
  it("knows which group a policy named constructor comes from, and that toString held directly comes from none", async () => {
    const users = await fetchAllUserPolicies(createInventoryDeps(fakeCloud()));
    const proto = users.find((u) => u.userName === "__proto__")!;
    const bob = users.find((u) => u.userName === "bob")!;
    expect(proto.policies.map((p) => p.name)).toEqual(["constructor"]);
    expect(proto.fromGroup.constructor).toBe("ml-platform");
    expect(bob.fromGroup.toString).toBeUndefined();

    const passers = passersByRole([ROLE], users, ACCOUNT).get(ROLE.name)!;
    expect(passers.names).toEqual(["__proto__", "bob"]);
    expect(Object.entries(passers.via)).toEqual([["__proto__", "ml-platform"]]);
  });
});
