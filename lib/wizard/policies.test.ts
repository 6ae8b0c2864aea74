import { describe, expect, it } from "vitest";
import { canAssume, EAS_SERVICE_PRINCIPAL, parsePolicy, type NamedPolicy } from "../policy";
import { buildPassRolePolicy, coverNeeds, customPolicyName, easTrustPolicy, leastPrivilegePolicy, needChecks, policyTooLong, systemPoliciesFor, type Needs } from "./index";

const UID = "1784200000000001";
const base: Needs = { region: "cn-hangzhou", oss: [], mounts: [], image: "", other: [] };
const full: Needs = {
  ...base,
  oss: [{ bucket: "models", prefix: "v2/", access: "read" }, { bucket: "results", prefix: "", access: "write" }],
  maxcompute: { project: "feature_store", access: "read" },
  mounts: [
    { kind: "oss", path: "oss://models/v2/", mountPath: "/mnt/models", readOnly: true },
    { kind: "nas", server: "0c9a4b4d5f-xrt21.cn-hangzhou.nas.aliyuncs.com", path: "/", mountPath: "/mnt/nas" },
  ],
  image: "registry.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4",
  other: ["Log Service"],
};

describe("trust and PassRole", () => {
  it("the trust policy lets exactly eas.pai.aliyuncs.com assume the role", () => {
    const trust = easTrustPolicy();
    expect(trust).toEqual({ Version: "1", Statement: [{ Effect: "Allow", Principal: { Service: ["eas.pai.aliyuncs.com"] }, Action: ["sts:AssumeRole"] }] });
    const parsed = parsePolicy(JSON.stringify(trust), { kind: "trust" });
    expect(parsed.ok && canAssume(parsed.policy, { type: "Service", service: EAS_SERVICE_PRINCIPAL }).decision).toBe("Allow");
    expect(parsed.ok && canAssume(parsed.policy, { type: "Service", service: "ecs.aliyuncs.com" }).decision).toBe("ImplicitDeny");
  });

  it("PassRole is the seed's exact document", () => {
    expect(JSON.stringify(buildPassRolePolicy("eas-asr"))).toBe('{"Version":"1","Statement":[{"Effect":"Allow","Action":["ram:PassRole"],"Resource":["acs:ram::*:role/eas-asr"]}]}');
  });
});

describe("permission policies from the needs", () => {
  it("system policies: read-only unless something writes", () => {
    expect(systemPoliciesFor(full)).toEqual(["AliyunOSSFullAccess", "AliyunNASReadOnlyAccess", "AliyunContainerRegistryReadOnlyAccess", "AliyunMaxComputeReadOnlyAccess"]);
    expect(systemPoliciesFor({ ...base, oss: [{ bucket: "models", prefix: "", access: "read" }] })).toEqual(["AliyunOSSReadOnlyAccess"]);
    expect(systemPoliciesFor({ ...base, mounts: [{ kind: "oss", path: "oss://a1/", mountPath: "/m", readOnly: false }] })).toEqual(["AliyunOSSFullAccess"]);
    expect(systemPoliciesFor(base)).toEqual([]);
  });

  it("least privilege: exactly the checked actions on exactly the named resources", () => {
    const doc = leastPrivilegePolicy(needChecks(full, UID));
    expect(doc).toEqual({
      Version: "1",
      Statement: [
        { Effect: "Allow", Action: ["oss:ListObjects"], Resource: [`acs:oss:*:${UID}:models`, `acs:oss:*:${UID}:results`] },
        { Effect: "Allow", Action: ["oss:GetObject"], Resource: [`acs:oss:*:${UID}:models/v2/*`, `acs:oss:*:${UID}:results/*`] },
        { Effect: "Allow", Action: ["oss:PutObject"], Resource: [`acs:oss:*:${UID}:results/*`] },
        { Effect: "Allow", Action: ["odps:List"], Resource: [`acs:odps:*:${UID}:projects/feature_store`] },
        { Effect: "Allow", Action: ["odps:Read"], Resource: [`acs:odps:*:${UID}:projects/feature_store/tables/*`] },
        { Effect: "Allow", Action: ["nas:DescribeFileSystems", "nas:DescribeMountTargets"], Resource: [`acs:nas:cn-hangzhou:${UID}:filesystem/0c9a4b4d5f`] },
        { Effect: "Allow", Action: ["cr:GetRepository", "cr:PullRepository"], Resource: [`acs:cr:cn-hangzhou:${UID}:repository/ml-team/asr`] },
      ],
    });
    expect(parsePolicy(JSON.stringify(doc), { kind: "permission" }).ok).toBe(true);
    expect(policyTooLong(doc!)).toBe(false);
    expect(leastPrivilegePolicy(needChecks({ ...base, other: ["Log Service"] }, UID))).toBeNull();
  });

  it("the least-privilege policy covers every need it was made from, and nothing next to it", () => {
    const checks = needChecks(full, UID);
    const policy: NamedPolicy = { name: "p", document: leastPrivilegePolicy(checks)! };
    expect(coverNeeds(checks, [policy]).map((c) => [c.id, c.state])).toEqual([
      ["oss[0]", "covered"],
      ["oss[1]", "covered"],
      ["maxcompute", "covered"],
      ["mounts[0]", "covered"],
      ["mounts[1]", "covered"],
      ["image", "covered"],
      ["other[0]", "unchecked"],
    ]);
    const other = needChecks({ ...base, oss: [{ bucket: "models", prefix: "v3/", access: "read" }] }, UID);
    expect(coverNeeds(other, [policy])[0]).toMatchObject({ state: "gap", gap: { action: "oss:GetObject", resource: `acs:oss:*:${UID}:models/v3/*`, decision: "ImplicitDeny" } });
  });

  it("names the first gap of a role that only reads", () => {
    const readOnly: NamedPolicy = { name: "AliyunOSSReadOnlyAccess", document: { Version: "1", Statement: [{ Effect: "Allow", Action: ["oss:Get*", "oss:List*"], Resource: ["*"] }] } };
    const cov = coverNeeds(needChecks(full, UID), [readOnly]);
    expect(cov.find((c) => c.id === "oss[1]")).toMatchObject({ state: "gap", gap: { action: "oss:PutObject", resource: `acs:oss:*:${UID}:results/*` } });
    expect(cov.find((c) => c.id === "image")).toMatchObject({ state: "gap", gap: { action: "cr:GetRepository" } });
    expect(cov.find((c) => c.id === "mounts[0]")?.state).toBe("covered");
  });

  it("custom policy names drop the dots RAM policy names may not hold", () => {
    expect(customPolicyName("eas.reader-v2")).toBe("eas-reader-v2-access");
  });
});
