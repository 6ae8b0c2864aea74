import { describe, expect, it } from "vitest";
import { CloudError, type Cloud, type EasService, type Policy, type PolicyType } from "../cloud/types";
import { TtlCache } from "../async/ttl-cache";
import { ENGINEER } from "../../tests/support/actors";
import { createInventoryDeps } from "./deps";
import { loadRoleDetail } from "./role-detail";

const ACCOUNT = "1234567890";
const doc = (s: object[]) => JSON.stringify({ Version: "1", Statement: s });
const eas = doc([{ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: ["eas.pai.aliyuncs.com"] } }]);
const ecs = doc([{ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: ["ecs.aliyuncs.com"] } }]);

const policies: Record<string, { type: PolicyType; document: string }> = {
  AliyunOSSReadOnlyAccess: { type: "System", document: doc([{ Effect: "Allow", Action: ["oss:Get*", "oss:List*"], Resource: ["*"] }]) },
  "PassRole-eas-oss-reader": { type: "Custom", document: doc([{ Effect: "Allow", Action: ["ram:PassRole"], Resource: ["acs:ram::*:role/eas-oss-reader"] }]) },
  AliyunRAMFullAccess: { type: "System", document: doc([{ Effect: "Allow", Action: ["ram:*"], Resource: ["*"] }]) },
};

function fakeCloud(opts?: { failServices?: boolean }) {
  const calls: string[] = [];
  const roles: Record<string, string> = { "eas-oss-reader": eas, "ecs-batch-role": ecs };
  const userPolicies: Record<string, string[]> = { alice: ["AliyunRAMFullAccess"], bob: ["PassRole-eas-oss-reader"], carol: [] };
  const service = (name: string, role: string): EasService =>
    ({ serviceName: name, region: "cn-hangzhou", serviceConfig: JSON.stringify({ name, options: { enable_ram_role: true }, role_arn: `acs:ram::${ACCOUNT}:role/${role}` }) }) as EasService;
  const ram = {
    getRole: async (name: string) => {
      calls.push(`GetRole:${name}`);
      if (!roles[name]) throw new CloudError({ code: "EntityNotExist.Role", message: "The role does not exist", requestId: "REQ-1", httpStatus: 404 });
      return { roleId: "1", roleName: name, arn: `acs:ram::${ACCOUNT}:role/${name}`, description: "", maxSessionDuration: 3600, createDate: "2026-01-01T00:00:00Z", assumeRolePolicyDocument: roles[name] };
    },
    listPoliciesForRole: async (name: string) => {
      calls.push(`ListPoliciesForRole:${name}`);
      return [{ policyName: "AliyunOSSReadOnlyAccess", policyType: "System" as const, description: "", defaultVersion: "v1", attachDate: "2026-01-01T00:00:00Z" }];
    },
    getPolicy: async (name: string): Promise<Policy> => {
      calls.push(`GetPolicy:${name}`);
      const p = policies[name];
      return { policyName: name, policyType: p.type, description: "", defaultVersion: "v1", attachmentCount: 1, createDate: "", policyDocument: p.document };
    },
    listUsers: async () => {
      calls.push("ListUsers");
      return { items: Object.keys(userPolicies).map((u) => ({ userId: u, userName: u, displayName: u, createDate: "" })), isTruncated: false };
    },
    listGroups: async () => {
      calls.push("ListGroups");
      return { items: [], isTruncated: false };
    },
    listPoliciesForUser: async (name: string) => {
      calls.push(`ListPoliciesForUser:${name}`);
      return userPolicies[name].map((p) => ({ policyName: p, policyType: policies[p].type, description: "", defaultVersion: "v1", attachDate: "" }));
    },
  };
  const easGateway = {
    regions: ["cn-hangzhou"],
    listServices: async () => {
      calls.push("ListServices");
      if (opts?.failServices) throw new CloudError({ code: "Throttling.User", message: "slow down", requestId: "REQ-2", httpStatus: 400 });
      const items = [service("image-tagger", "eas-oss-reader"), service("churn-predictor", "ecs-batch-role")];
      return { items, totalCount: items.length };
    },
  };
  const cloud = { ram, eas: easGateway, describe: () => ({ mode: "emulator", endpoint: "x", regions: ["cn-hangzhou"] }) } as unknown as Cloud;
  return { cloud, calls };
}

describe("loadRoleDetail", () => {
  it("reads the role, its policies and who uses and passes it", async () => {
    const { cloud } = fakeCloud();
    const d = await loadRoleDetail(createInventoryDeps(cloud), ENGINEER, "eas-oss-reader");
    expect(d.accountId).toBe(ACCOUNT);
    expect(d.trust.easCanAssume).toBe(true);
    expect(d.trust.principals.map((p) => p.value)).toEqual(["eas.pai.aliyuncs.com"]);
    expect(d.policies.map((p) => [p.name, p.type, p.document?.Statement.length])).toEqual([["AliyunOSSReadOnlyAccess", "System", 1]]);
    expect(d.usage).toEqual({ services: [{ region: "cn-hangzhou", name: "image-tagger" }], passers: ["alice", "bob"], passersVia: {} });
  });

  it("flags a role EAS services use but EAS cannot assume", async () => {
    const { cloud } = fakeCloud();
    const d = await loadRoleDetail(createInventoryDeps(cloud), ENGINEER, "ecs-batch-role");
    expect(d.trust.easCanAssume).toBe(false);
    expect(d.trust.lint.map((f) => f.code)).toContain("TRUST_MISSING_EAS");
    expect(d.usage.services.map((s) => s.name)).toEqual(["churn-predictor"]);
  });

  it("reads each policy once and keeps system policies past the short TTL", async () => {
    let now = 0;
    const { cloud, calls } = fakeCloud();
    const deps = createInventoryDeps(cloud, { cache: new TtlCache(() => now), ttlMs: 1000 });
    await loadRoleDetail(deps, ENGINEER, "eas-oss-reader");
    expect(calls.filter((c) => c === "GetPolicy:AliyunOSSReadOnlyAccess")).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith("ListPoliciesForUser"))).toHaveLength(3);
    now = 5000;
    calls.length = 0;
    await loadRoleDetail(deps, ENGINEER, "eas-oss-reader");
    expect(calls).toContain("GetRole:eas-oss-reader");
    expect(calls).toContain("GetPolicy:PassRole-eas-oss-reader");
    expect(calls.filter((c) => c.startsWith("GetPolicy:Aliyun"))).toEqual([]);
  });

  it("throws RAM's own error for an unknown role, RequestId kept", async () => {
    const { cloud } = fakeCloud();
    await expect(loadRoleDetail(createInventoryDeps(cloud), ENGINEER, "nope")).rejects.toMatchObject({ code: "EntityNotExist.Role", requestId: "REQ-1" });
  });

  it("still shows the role when the usage lookup fails, with the cloud's error", async () => {
    const { cloud } = fakeCloud({ failServices: true });
    const d = await loadRoleDetail(createInventoryDeps(cloud), ENGINEER, "eas-oss-reader");
    expect(d.policies).toHaveLength(1);
    expect(d.usage.error).toMatchObject({ code: "Throttling.User", requestId: "REQ-2" });
  });
});
