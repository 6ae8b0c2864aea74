import { signIn, signInRequest } from "./fixtures/auth";
import { expect, test } from "./fixtures/cloud";
import { $Ram, ram } from "./setup-cloud";

// Hostile input over HTTP against the emulator: a glob built to make a backtracking matcher spin,
// inputs past what RAM allows, and role names that are also Object.prototype properties.

const UID = "1784200000000001";
const ATTACK = "acs:oss:*:*:*a*a*a*a*a?X";
const trust = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } }] });

test("the simulator answers the glob attack from the issue, and refuses a resource longer than RAM allows", async ({ page, cloud }) => {
  // Four role pages, each a server render: room for a loaded machine, not a speed check.
  test.setTimeout(120_000);
  const client = ram();
  await client.createPolicy(new $Ram.CreatePolicyRequest({ policyName: "hostile-glob", policyDocument: JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "oss:GetObject", Resource: ATTACK }] }) }));
  await client.createRole(new $Ram.CreateRoleRequest({ roleName: "hostile-glob-role", assumeRolePolicyDocument: trust }));
  await client.attachPolicyToRole(new $Ram.AttachPolicyToRoleRequest({ policyName: "hostile-glob", policyType: "Custom", roleName: "hostile-glob-role" }));
  await signIn(page, "bob");

  const resource = `acs:oss:*:*:${"a".repeat(400)}`;
  await page.goto(`/roles/hostile-glob-role?action=oss:GetObject&resource=${encodeURIComponent(resource)}`);
  await expect(page.getByTestId("sim-decision")).toHaveText("Implicit deny");
  await page.goto(`/roles/hostile-glob-role?action=oss:GetObject&resource=${encodeURIComponent(`${resource}X`)}`);
  await expect(page.getByTestId("sim-decision")).toHaveText("Allow");

  await page.goto(`/roles/hostile-glob-role?action=oss:GetObject&resource=${encodeURIComponent(`acs:oss:*:*:${"a".repeat(6_100)}`)}`);
  await expect(page.getByRole("alert").filter({ hasText: "Resource must be" })).toContainText("Resource must be at most 6,069 characters");
  await expect(page.getByLabel("Resource", { exact: true })).toHaveAttribute("aria-invalid", "true");
  expect((await page.request.get("/api/health")).status()).toBe(200);
  void cloud;
});

test("POST /api/preflight: an OSS path past RAM's length is a 400 naming the field", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  await signInRequest(api, "bob");
  const config = { name: "svc", options: { enable_ram_role: true }, role_arn: `acs:ram::${UID}:role/eas-oss-reader`, model_path: `oss://models/${"a".repeat(6_100)}` };
  const res = await api.post("/api/preflight", { data: { config, region: "cn-hangzhou" } });
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toMatchObject({ code: "invalid_input", fields: { "config.model_path": "names a resource longer than RAM allows: at most 6,069 characters" } });
  await api.dispose();
});

test("GET /api/roles/constructor is RAM's 404 until such a role exists, and a role named hasOwnProperty works", async ({ playwright, baseURL, cloud }) => {
  const api = await playwright.request.newContext({ baseURL });
  await signInRequest(api, "bob");
  const missing = await api.get("/api/roles/constructor");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error).toMatchObject({ code: "not_found", cloud: { code: "EntityNotExist.Role" } });

  await ram().createRole(new $Ram.CreateRoleRequest({ roleName: "hasOwnProperty", assumeRolePolicyDocument: trust }));
  const found = await api.get("/api/roles/hasOwnProperty");
  expect(found.status()).toBe(200);
  expect((await found.json()).role).toMatchObject({ roleName: "hasOwnProperty", arn: expect.stringMatching(/:role\/hasownproperty$/i) });
  await api.dispose();
  void cloud;
});
