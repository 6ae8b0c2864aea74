import { describe, expect, it } from "vitest";
import { buildEasTrustPolicy, type NamedPolicy, type PolicyDocument } from "../policy";
import { roleFacts } from "../readiness/trust";
import type { AccountRoleFacts } from "../readiness/facts";
import { PREFLIGHT_CODES, evaluatePreflight, gatherPreflightFacts, isReady, type AccountReader, type PreflightAnswer } from "./index";

const UID = "1784200000000001";
const arn = (name: string, account = UID) => `acs:ram::${account}:role/${name}`;
const allow = (name: string, Action: string[], Resource = ["*"]): NamedPolicy => ({ name, document: { Version: "1", Statement: [{ Effect: "Allow", Action, Resource }] } });
const trustOf = (statement: Record<string, unknown>) => JSON.stringify({ Version: "1", Statement: [statement] });

interface Account {
  roles?: Record<string, { trust: PolicyDocument | string; policies?: NamedPolicy[] }>;
  noDefaultRole?: boolean;
  passers?: string[];
}

function reader(a: Account = {}): AccountReader {
  const role = async (name: string): Promise<AccountRoleFacts> => {
    const r = name === "AliyunServiceRoleForPaiEas" && !a.noDefaultRole ? { trust: buildEasTrustPolicy(), policies: [] } : a.roles?.[name];
    if (!r) return { name, exists: false, easCanAssume: false, principals: [], lintErrors: [], attached: [], policies: [], missing: { code: "EntityNotExist.Role", message: "The role does not exist.", requestId: "REQ-1" } };
    const doc = typeof r.trust === "string" ? r.trust : JSON.stringify(r.trust);
    return {
      ...roleFacts(doc),
      name,
      role: { roleId: "1", roleName: name, arn: arn(name), description: "", maxSessionDuration: 3600, createDate: "", assumeRolePolicyDocument: doc },
      attached: [],
      policies: r.policies ?? [],
    };
  };
  return {
    accountId: async () => UID,
    role,
    defaultRole: () => role("AliyunServiceRoleForPaiEas"),
    passRole: async (user) => ({ needed: true, allowed: (a.passers ?? []).includes(user) }),
  };
}

async function check(config: unknown, account?: Account, deployer?: string): Promise<PreflightAnswer> {
  return evaluatePreflight(await gatherPreflightFacts(reader(account), { config, region: "cn-hangzhou", deployer }));
}
const codes = (a: PreflightAnswer) => a.findings.map((f) => `${f.code}@${f.path}`);
const custom = (name: string, extra: Record<string, unknown> = {}) => ({ name: "svc", options: { enable_ram_role: true }, role_arn: arn(name), ...extra });
const easRole = (policies: NamedPolicy[] = []) => ({ trust: buildEasTrustPolicy(), policies });

const seen = new Set<string>();
async function expectCodes(config: unknown, want: string[], account?: Account, deployer?: string): Promise<PreflightAnswer> {
  const a = await check(config, account, deployer);
  expect(codes(a)).toEqual(want);
  for (const f of a.findings) {
    seen.add(f.code);
    expect(f.message).not.toMatch(/undefined|preflight\./);
    expect(f.fix.length).toBeGreaterThan(10);
  }
  return a;
}

describe("preflight rules", () => {
  it("CONFIG_NOT_JSON and CONFIG_NOT_OBJECT stop at the document", async () => {
    const a = await expectCodes('{"name": "svc",', ["CONFIG_NOT_JSON@"]);
    expect(a).toMatchObject({ method: "none", roleArn: null });
    expect(a.findings[0].message).toMatch(/^The service config is not valid JSON: /);
    await expectCodes("[1, 2]", ["CONFIG_NOT_OBJECT@"]);
    expect((await check(42)).findings[0].message).toBe("The service config is a JSON number, not a JSON object.");
    await expectCodes("null", ["CONFIG_NOT_OBJECT@"]);
  });

  it("CONFIG_INVALID names the field with the wrong type", async () => {
    const a = await expectCodes({ storage: [{ oss: { path: 3 } }] }, ["CONFIG_INVALID@storage[0].oss.path"]);
    expect(a.findings[0].message).toContain("storage[0].oss.path");
    // In words, not zod's ("Invalid input: expected string, received number").
    expect(a.findings[0].message).toBe("The service config's storage[0].oss.path must be text.");
  });

  it("a Method 2 config whose role works is ready, with no finding", async () => {
    const a = await expectCodes(custom("eas-good"), [], { roles: { "eas-good": easRole() } });
    expect(a).toEqual({ method: "custom", roleArn: arn("eas-good"), findings: [] });
    expect(isReady(a)).toBe(true);
  });

  it("ROLE_ARN_MULTIPLE: a list, a comma-separated string, or two keys naming different roles", async () => {
    await expectCodes({ options: { enable_ram_role: true }, role_arn: [arn("a"), arn("b")] }, ["ROLE_ARN_MULTIPLE@role_arn[1]"]);
    await expectCodes({ options: { enable_ram_role: true }, role_arn: `${arn("a")},${arn("b")}` }, ["ROLE_ARN_MULTIPLE@role_arn"]);
    const a = await expectCodes({ options: { enable_ram_role: true }, role_arn: arn("a"), credential: { role_arn: arn("b") } }, ["ROLE_ARN_MULTIPLE@credential.role_arn"]);
    expect(a.findings[0].message).toContain(`${arn("a")}, ${arn("b")}`);
    expect(a).toMatchObject({ method: "custom", roleArn: null });
    // The same ARN under both keys is one role.
    await expectCodes({ options: { enable_ram_role: true }, role_arn: arn("eas-good"), credential: { role_arn: arn("eas-good") } }, [], { roles: { "eas-good": easRole() } });
  });

  it("ROLE_ARN_MALFORMED: not acs:ram::<uid>:role/<name>", async () => {
    for (const bad of ["eas-role", "acs:ram::*:role/x", `acs:ram::${UID}:user/bob`, `acs:ram::${UID}:role/bad_name`, 42]) {
      const a = await expectCodes({ options: { enable_ram_role: true }, role_arn: bad }, ["ROLE_ARN_MALFORMED@role_arn"]);
      expect(a.findings[0].fix).toContain(`acs:ram::${UID}:role/RoleName`);
    }
  });

  it("ROLE_ARN_WITHOUT_ENABLE_RAM_ROLE is a warning: the role still works", async () => {
    const a = await expectCodes({ name: "svc", role_arn: arn("eas-good") }, ["ROLE_ARN_WITHOUT_ENABLE_RAM_ROLE@options.enable_ram_role"], { roles: { "eas-good": easRole() } });
    expect(a.findings[0].severity).toBe("warning");
    expect(isReady(a)).toBe(true);
  });

  it("ROLE_ARN_OTHER_ACCOUNT names both accounts and reads nothing of the other one", async () => {
    const a = await expectCodes(custom("x", { role_arn: arn("x", "1999999999999999") }), ["ROLE_ARN_OTHER_ACCOUNT@role_arn"]);
    expect(a.findings[0].message).toContain("account 1999999999999999, not to this account (1784200000000001)");
  });

  it("ROLE_NOT_FOUND", async () => {
    const a = await expectCodes(custom("deleted-role"), ["ROLE_NOT_FOUND@role_arn"]);
    expect(a.findings[0]).toMatchObject({ severity: "error", message: "The role deleted-role does not exist in RAM." });
  });

  it("TRUST_MISSING_EAS: no EAS principal, a Deny, a condition, a wrong action, an unreadable document", async () => {
    const cases: [string, PolicyDocument | string, RegExp][] = [
      ["principal", { Version: "1", Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: ["ecs.aliyuncs.com"] } }] }, /does not name eas\.pai\.aliyuncs\.com/],
      [
        "deny",
        { Version: "1", Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: ["eas.pai.aliyuncs.com"] } }, { Effect: "Deny", Action: ["sts:*"], Principal: { Service: ["*"] } }] },
        /explicit Deny in Statement\[1\]/,
      ],
      ["condition", trustOf({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "eas.pai.aliyuncs.com" }, Condition: { StringEquals: { "acs:SourceVpc": "vpc-1" } } }), /condition \(acs:SourceVpc\)/],
      ["action", trustOf({ Effect: "Allow", Action: ["sts:AssumeRoleWithOIDC"], Principal: { Service: ["eas.pai.aliyuncs.com"] } }), /does not allow sts:AssumeRole/],
      ["unreadable", '{"Version":"2","Statement":[]}', /cannot be read/],
    ];
    for (const [, trust, pattern] of cases) {
      const a = await expectCodes(custom("r"), ["TRUST_MISSING_EAS@role_arn"], { roles: { r: { trust } } });
      expect(a.findings[0].message).toMatch(pattern);
    }
  });

  it("TRUST_MISSING_EAS reads a trust Principal given as a string and as a list alike", async () => {
    await expectCodes(custom("r"), [], { roles: { r: { trust: trustOf({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "eas.pai.aliyuncs.com" } }) } } });
    await expectCodes(custom("r"), [], { roles: { r: { trust: trustOf({ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: ["ecs.aliyuncs.com", "eas.pai.aliyuncs.com"] } }) } } });
  });

  it("NEED_NOT_COVERED names the need, the action, the resource and a policy that would cover it", async () => {
    const config = custom("r", {
      storage: [{ oss: { path: "oss://models/v2/", readOnly: true }, mount_path: "/m" }, { nfs: { server: "0c9a4b4d5f-xrt21.cn-hangzhou.nas.aliyuncs.com", path: "/" }, mount_path: "/n" }],
      containers: [{ image: "registry.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4" }],
    });
    const a = await expectCodes(config, ["NEED_NOT_COVERED@storage[1].nfs.server", "NEED_NOT_COVERED@containers[0].image"], { roles: { r: easRole([allow("AliyunOSSReadOnlyAccess", ["oss:Get*", "oss:List*"])]) } });
    expect(a.findings[0].message).toBe(
      `The NAS mount 0c9a4b4d5f-xrt21.cn-hangzhou.nas.aliyuncs.com needs nas:DescribeFileSystems on acs:nas:cn-hangzhou:${UID}:filesystem/0c9a4b4d5f, which the policies of r do not allow.`,
    );
    expect(a.findings[0].fix).toBe(
      `Attach AliyunNASReadOnlyAccess to r, or allow exactly this in a custom policy of the role: [{"Effect":"Allow","Action":["nas:DescribeFileSystems","nas:DescribeMountTargets"],"Resource":["acs:nas:cn-hangzhou:${UID}:filesystem/0c9a4b4d5f"]}]`,
    );
    expect(a.findings[1].fix).toContain("AliyunContainerRegistryReadOnlyAccess");
  });

  it("NEED_NOT_COVERED names the Deny that refuses a need", async () => {
    const deny: NamedPolicy = { name: "no-models", document: { Version: "1", Statement: [{ Effect: "Deny", Action: ["oss:*"], Resource: ["acs:oss:*:*:models/*"] }] } };
    const a = await expectCodes(custom("r", { storage: [{ oss: { path: "oss://models/" }, mount_path: "/m" }] }), ["NEED_NOT_COVERED@storage[0].oss.path"], {
      roles: { r: easRole([allow("all", ["oss:*"]), deny]) },
    });
    expect(a.findings[0].message).toContain("(the Deny in no-models refuses it)");
    expect(a.findings[0].fix).toMatch(/^Narrow the Deny in no-models, then attach AliyunOSSReadOnlyAccess/);
  });

  it("PASSROLE_MISSING gives the exact policy on this account's role ARN, through a request; the account itself needs none", async () => {
    const account = { roles: { r: easRole() }, passers: ["bob"] };
    const a = await expectCodes(custom("r"), ["PASSROLE_MISSING@role_arn"], account, "carol");
    const policy = `{"Version":"1","Statement":[{"Effect":"Allow","Action":["ram:PassRole"],"Resource":["acs:ram::${UID}:role/r"]}]}`;
    expect(a.findings[0].fix).toBe(`An administrator grants carol this policy, for a limited time, by approving a PassRole request: ${policy}`);
    expect(a.findings[0].refs).toEqual({ role: "r", user: "carol", document: policy });
    await expectCodes(custom("r"), [], account, "bob");
    await expectCodes(custom("r"), [], account);
  });

  it("Method 1: DEFAULT_ROLE_MISSING, WORKSPACE_ID_MISSING when OSS is in use, DEFAULT_ROLE_SCOPE beyond MaxCompute and OSS", async () => {
    const m1 = { name: "svc", options: { enable_ram_role: true } };
    const ok = await expectCodes(m1, []);
    expect(ok).toMatchObject({ method: "default", roleArn: arn("AliyunServiceRoleForPaiEas") });
    await expectCodes(m1, ["DEFAULT_ROLE_MISSING@options.enable_ram_role"], { noDefaultRole: true });
    await expectCodes({ ...m1, storage: [{ oss: { path: "oss://a1b/" }, mount_path: "/m" }] }, ["WORKSPACE_ID_MISSING@metadata.workspace_id"]);
    await expectCodes({ ...m1, model_path: "oss://models/churn/model.pmml" }, ["WORKSPACE_ID_MISSING@metadata.workspace_id"]);
    await expectCodes({ ...m1, metadata: { workspace_id: "38291" }, model_path: "oss://models/churn/model.pmml" }, []);
    const scope = await expectCodes(
      { ...m1, storage: [{ nfs: { server: "0c9a4b4d5f-xrt21.cn-hangzhou.nas.aliyuncs.com", path: "/" }, mount_path: "/n" }], containers: [{ image: "registry.cn-hangzhou.aliyuncs.com/a/b:1" }] },
      ["DEFAULT_ROLE_SCOPE@storage[0].nfs.server", "DEFAULT_ROLE_SCOPE@containers[0].image"],
    );
    expect(scope.findings[1].message).toBe("The custom image registry.cn-hangzhou.aliyuncs.com/a/b:1 needs more than MaxCompute and OSS, which is all the PAI default role can reach.");
  });

  it("NO_RAM_ROLE is information only", async () => {
    const a = await expectCodes({ name: "svc" }, ["NO_RAM_ROLE@options.enable_ram_role"]);
    expect(a.findings[0].severity).toBe("info");
    expect(isReady(a)).toBe(true);
  });

  it("errors come before warnings", async () => {
    const a = await check({ name: "svc", role_arn: arn("deleted-role") });
    expect(a.findings.map((f) => f.severity)).toEqual(["error", "warning"]);
  });

  it("every code of the table was raised by a test above", () => {
    expect([...seen].sort()).toEqual([...PREFLIGHT_CODES].sort());
  });
});
