import { signInRequest } from "./fixtures/auth";
import { expect, test } from "./fixtures/cloud";
import { $Ram, ram } from "./setup-cloud";

// POST /api/preflight over HTTP, against roles made through the official RAM SDK in the emulator.

const UID = "1784200000000001";
const trust = (statements: Record<string, unknown>[]) => JSON.stringify({ Version: "1", Statement: statements });
const allowEas = (principal: unknown, extra: Record<string, unknown> = {}) => ({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: principal }, ...extra });
const config = (role: string) => ({ name: "svc", options: { enable_ram_role: true }, role_arn: `acs:ram::${UID}:role/${role}` });

test("POST /api/preflight: the answer, the stable codes, and 400s naming the field", async ({ playwright, baseURL, cloud }) => {
  const client = ram();
  const roles: [string, string][] = [
    ["api-trust-string", trust([allowEas("eas.pai.aliyuncs.com")])],
    ["api-trust-list", trust([allowEas(["ecs.aliyuncs.com", "eas.pai.aliyuncs.com"])])],
    ["api-trust-deny", trust([allowEas(["eas.pai.aliyuncs.com"]), { Effect: "Deny", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } }])],
    ["api-trust-condition", trust([allowEas(["eas.pai.aliyuncs.com"], { Condition: { StringEquals: { "acs:SourceVpc": ["vpc-123"] } } })])],
  ];
  for (const [roleName, doc] of roles) await client.createRole(new $Ram.CreateRoleRequest({ roleName, assumeRolePolicyDocument: doc }));

  const api = await playwright.request.newContext({ baseURL });
  await signInRequest(api, "bob");
  const check = async (body: unknown) => {
    const res = await api.post("/api/preflight", { data: body });
    return { status: res.status(), body: await res.json() };
  };

  expect(await check({ config: config("api-trust-string"), region: "cn-hangzhou" })).toEqual({ status: 200, body: { method: "custom", roleArn: `acs:ram::${UID}:role/api-trust-string`, findings: [] } });
  expect((await check({ config: JSON.stringify(config("api-trust-list")), region: "cn-hangzhou" })).body.findings).toEqual([]);
  const deny = await check({ config: config("api-trust-deny"), region: "cn-hangzhou" });
  expect(deny.body.findings).toEqual([
    {
      code: "TRUST_MISSING_EAS",
      severity: "error",
      path: "role_arn",
      message: "An explicit Deny in Statement[1] of the trust policy of api-trust-deny refuses eas.pai.aliyuncs.com, so EAS cannot assume the role.",
      fix: "Remove the Deny in Statement[1], or narrow it so that it no longer matches eas.pai.aliyuncs.com.",
      refs: { role: "api-trust-deny" },
    },
  ]);
  const cond = await check({ config: config("api-trust-condition"), region: "cn-hangzhou" });
  expect(cond.body.findings.map((f: { code: string }) => f.code)).toEqual(["TRUST_MISSING_EAS"]);
  expect(cond.body.findings[0].message).toContain("only under a condition (acs:SourceVpc)");

  expect((await check({ config: config("deleted-role"), region: "cn-hangzhou" })).body.findings.map((f: { code: string }) => f.code)).toEqual(["ROLE_NOT_FOUND"]);
  expect((await check({ config: config("eas-oss-reader"), region: "cn-hangzhou", deployer: "carol" })).body.findings.map((f: { code: string }) => f.code)).toEqual(["PASSROLE_MISSING"]);
  expect((await check({ config: "{oops", region: "cn-hangzhou" })).body).toMatchObject({ method: "none", roleArn: null, findings: [{ code: "CONFIG_NOT_JSON", severity: "error", path: "" }] });
  expect((await check({ config: [1], region: "cn-hangzhou" })).body.findings[0].code).toBe("CONFIG_NOT_OBJECT");
  expect((await check({ config: { name: "svc" }, region: "cn-hangzhou" })).body).toMatchObject({ method: "none", findings: [{ code: "NO_RAM_ROLE", severity: "info" }] });

  expect(await check({ region: "cn-hangzhou" })).toMatchObject({ status: 400, body: { error: { code: "invalid_input", fields: { config: "is required" } } } });
  expect(await check({ config: {} })).toMatchObject({ status: 400, body: { error: { code: "invalid_input", fields: { region: "is required" } } } });
  expect(await check({ config: {}, region: "Hangzhou!" })).toMatchObject({ status: 400, body: { error: { fields: { region: "must be a region id like cn-hangzhou" } } } });
  expect(await check({ config: config("eas-oss-reader"), region: "cn-hangzhou", deployer: "nobody" })).toMatchObject({ status: 400, body: { error: { fields: { deployer: "must name a RAM user of this account" } } } });
  await api.dispose();
  void cloud;
});
