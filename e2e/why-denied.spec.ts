import { mkdirSync } from "node:fs";
import { request as pwRequest, type APIRequestContext, type Page } from "@playwright/test";
import Credential, { Config as CredentialConfig } from "@alicloud/credentials";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import Ram from "@alicloud/ram20150501";
import { DEMO_KEYS } from "../emulator/seed/demo-keys";
import { CLOUD_OPERATIONS } from "../lib/cloud/operations";
import { buildConsolePolicy } from "../lib/policy/console-policy";
import type { PolicyDocument } from "../lib/policy/types";
import { demoPassword, signIn, signInRequest } from "./fixtures/auth";
import { startChainConsole } from "./fixtures/chain-console";
import { expect, test } from "./fixtures/cloud";
import { $Ram, ram } from "./setup-cloud";

// "Why was this denied?": refusals made by demo users through the official RAM SDK, explained by
// POST /api/why-denied and the /why-denied page; and a console running under a policy that lacks
// one read, whose page shows RAM's decoded reason beside the NoPermission.

const UID = "1784200000000001";
const PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4710);
const as = (user: keyof typeof DEMO_KEYS) =>
  new Ram(new $OpenApiUtil.Config({ credential: new Credential(new CredentialConfig({ type: "access_key", accessKeyId: DEMO_KEYS[user].id, accessKeySecret: DEMO_KEYS[user].secret })), endpoint: `127.0.0.1:${PORT}`, protocol: "HTTP" }));

/** The refused call's error as an SDK user would paste it: its text and its JSON body. */
async function refusal(p: Promise<unknown>): Promise<{ text: string; message: string }> {
  const e = (await p.then(() => undefined, (x: unknown) => x)) as { message: string; data?: Record<string, unknown>; accessDeniedDetail?: { EncodedDiagnosticMessage?: string } } | undefined;
  expect(e, "the call is refused").toBeDefined();
  return { text: `${e!.message}\n${JSON.stringify(e!.data)}`, message: String(e!.accessDeniedDetail?.EncodedDiagnosticMessage) };
}

const bobCreatesRole = () => refusal(as("bob").createRole(new $Ram.CreateRoleRequest({ roleName: "bobs-denied-role", assumeRolePolicyDocument: JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } }] }) })));

async function explain(api: APIRequestContext, body: unknown) {
  const res = await api.post("/api/why-denied", { data: body });
  return { status: res.status(), body: await res.json() };
}

test("POST /api/why-denied: decoded fields, the explanation and the smallest fix for each kind of refusal; 400s naming the field", async ({ playwright, baseURL, cloud }) => {
  void cloud;
  const api = await playwright.request.newContext({ baseURL });
  await signInRequest(api, "carol");

  const implicit = await explain(api, { text: (await bobCreatesRole()).text });
  expect(implicit.status).toBe(200);
  expect(implicit.body.decoded).toMatchObject({ authAction: "ram:CreateRole", authResource: `acs:ram:*:${UID}:role/bobs-denied-role`, explicitDeny: false, noPermissionPolicyType: "AccountLevelIdentityBasedPolicy", authPrincipal: { authPrincipalType: "SubUser", authPrincipalDisplayName: "bob", authPrincipalOwnerId: UID } });
  expect(implicit.body.explanation).toMatchObject({ kind: "implicit", text: `RAM refused ram:CreateRole on acs:ram:*:${UID}:role/bobs-denied-role for the RAM user bob: no attached policy allows it (implicit deny).` });
  expect(implicit.body.fix).toMatchObject({ kind: "grant", attachTo: { type: "user", name: "bob" }, statement: { Effect: "Allow", Action: ["ram:CreateRole"], Resource: [`acs:ram:*:${UID}:role/bobs-denied-role`] }, simulated: "Allow" });
  expect(implicit.body.fix.preview.steps.map((s: { operation: string }) => s.operation)).toEqual(["CreatePolicy", "AttachPolicyToUser"]);
  expect(implicit.body.share).toMatch(/^\/why-denied\?message=/);

  // An explicit deny: the denying statement, not a grant.
  const root = ram();
  const deny = { Effect: "Deny", Action: ["ram:GetRole"], Resource: [`acs:ram:*:${UID}:role/legacy-admin`] };
  await root.createPolicy(new $Ram.CreatePolicyRequest({ policyName: "no-legacy-admin", policyDocument: JSON.stringify({ Version: "1", Statement: [deny] }) }));
  await root.attachPolicyToUser(new $Ram.AttachPolicyToUserRequest({ policyName: "no-legacy-admin", policyType: "Custom", userName: "bob" }));
  const explicit = await explain(api, { text: (await refusal(as("bob").getRole(new $Ram.GetRoleRequest({ roleName: "legacy-admin" })))).message });
  expect(explicit.body.explanation).toMatchObject({ kind: "explicit", policies: [{ name: "no-legacy-admin", type: "Custom", version: "v1", attachedTo: "user" }] });
  expect(explicit.body.explanation.text).toContain("a statement of no-legacy-admin (v1) denies it (explicit deny)");
  expect(explicit.body.fix).toMatchObject({ kind: "explicit-deny", denying: [{ policy: "no-legacy-admin", version: "v1", statements: [deny] }] });
  expect(explicit.body.fix.text).toContain("never override it blindly");

  // Bad input names the field and the rule.
  const empty = await explain(api, {});
  expect([empty.status, empty.body.error.code, Object.keys(empty.body.error.fields)]).toEqual([400, "invalid_input", ["text"]]);
  const none = await explain(api, { text: "NoPermission: You are not authorized to do this action." });
  expect([none.status, none.body.error.fields.text]).toEqual([400, "must hold an EncodedDiagnosticMessage: the message itself, or an error (SDK exception, JSON body, CLI output) that contains it"]);
  const raw = Buffer.from((await bobCreatesRole()).message, "base64");
  raw[raw.length - 1] ^= 1;
  const altered = await explain(api, { text: raw.toString("base64") });
  expect([altered.status, altered.body.error.fields.text]).toEqual([400, "holds an EncodedDiagnosticMessage RAM did not issue, or one that was altered"]);
  expect((await explain(api, { text: "x", more: 1 })).status).toBe(400);
  await api.dispose();
});

test("an admin applies the grant after its preview, and the refused call then succeeds; an engineer may not", async ({ playwright, baseURL, cloud }) => {
  void cloud;
  const { text } = await bobCreatesRole();
  const engineer = await playwright.request.newContext({ baseURL });
  await signInRequest(engineer, "bob");
  const { body } = await explain(engineer, { text });
  const token = body.fix.preview.token as string;
  expect((await engineer.post("/api/why-denied/apply", { data: { text, token } })).status()).toBe(403);

  const admin = await playwright.request.newContext({ baseURL });
  await signInRequest(admin, "alice");
  expect((await admin.post("/api/why-denied/apply", { data: { text, token: "0".repeat(32) } })).status()).toBe(409);
  const applied = await admin.post("/api/why-denied/apply", { data: { text, token } });
  expect(applied.status()).toBe(200);
  const out = await applied.json();
  expect([out.ok, out.requestIds.length, out.audit.action]).toEqual([true, 2, "denial.grant"]);
  const created = await as("bob").createRole(new $Ram.CreateRoleRequest({ roleName: "bobs-denied-role", assumeRolePolicyDocument: JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } }] }) }));
  expect(created.body?.role?.roleName).toBe("bobs-denied-role");
  await engineer.dispose();
  await admin.dispose();
});

async function shoot(page: Page, name: string) {
  mkdirSync("e2e/screens", { recursive: true });
  for (const width of [1440, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `e2e/screens/${name}-${width}.png`, fullPage: true });
  }
}

test("/why-denied explains a pasted error, and its shared link explains it again", async ({ page, cloud }) => {
  void cloud;
  const { text } = await bobCreatesRole();
  await signIn(page, "carol");
  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "Why denied?" }).click();
  await expect(page.getByRole("heading", { name: "Why was this denied?" })).toBeVisible();
  await page.getByLabel("Error or EncodedDiagnosticMessage").first().fill(text);
  await page.getByRole("button", { name: "Explain" }).click();
  await expect(page.getByTestId("why-denied-explanation")).toHaveText(`RAM refused ram:CreateRole on acs:ram:*:${UID}:role/bobs-denied-role for the RAM user bob: no attached policy allows it (implicit deny).`);
  await expect(page.getByTestId("why-denied-fix")).toHaveAttribute("data-kind", "grant");
  await expect(page.getByTestId("why-denied-fix")).toContainText("Only an admin can apply this change.");
  await expect(page.getByTestId("why-denied-decoded")).toContainText("AccountLevelIdentityBasedPolicy");
  await shoot(page, "why-denied");
  const share = (await page.getByTestId("why-denied-share").textContent()) ?? "";
  await page.goto(share);
  await expect(page.getByTestId("why-denied-explanation")).toContainText("RAM refused ram:CreateRole");
});

test.describe("a console under a policy missing one read", () => {
  test("shows RAM's decoded reason beside the NoPermission, and says when it may not decode", async ({ page }) => {
    test.setTimeout(120_000);
    const full = buildConsolePolicy(CLOUD_OPERATIONS, { mode: "read-only" });
    const without = (doc: PolicyDocument, ...actions: string[]): PolicyDocument => ({
      ...doc,
      Statement: doc.Statement.map((s) => ({ ...s, Action: (s.Action ?? []).filter((a) => !actions.includes(a)) })).filter((s) => s.Action.length > 0),
    });
    const app = await startChainConsole({ policy: without(full, "ram:ListPoliciesForRole"), env: { ROLESCOPE_READ_ONLY: "true", ROLESCOPE_CACHE_TTL_MS: "0" } });
    try {
      const api = await pwRequest.newContext({ baseURL: app.baseURL });
      expect((await api.post("/api/auth/login", { data: { username: "alice", password: demoPassword("alice") } })).status()).toBe(200);
      const res = await api.get("/api/roles/eas-oss-reader");
      expect(res.status()).toBe(502);
      const denial = ((await res.json()) as { error: { cloud: { denial: { text: string; decoded: boolean } } } }).error.cloud.denial;
      expect(denial.decoded).toBe(true);
      expect(denial.text).toMatch(new RegExp(`^RAM refused ram:ListPoliciesForRole on acs:ram:\\*:${UID}:role/eas-oss-reader for the console's role RoleScopeConsole \\(session [^)]+\\): no attached policy allows it \\(implicit deny\\)\\.$`));

      await page.request.post(`${app.baseURL}/api/auth/login`, { data: { username: "alice", password: demoPassword("alice") } });
      await page.goto(`${app.baseURL}/roles/eas-oss-reader`);
      const reason = page.getByTestId("denial-reason");
      await expect(reason).toContainText("RAM refused ram:ListPoliciesForRole");
      await expect(reason).toContainText("no attached policy allows it (implicit deny)");
      await expect(page.getByRole("alert").first()).toContainText("NoPermission");
      await shoot(page, "denial-on-role-page");

      // Without ram:DecodeDiagnosticMessage the console says so, and shows what the refusal says.
      await app.role.setPolicy(without(full, "ram:ListPoliciesForRole", "ram:DecodeDiagnosticMessage"));
      await page.goto(`${app.baseURL}/roles/eas-oss-reader`);
      await expect(reason).toHaveAttribute("data-decoded", "false");
      await expect(reason).toContainText("The console cannot decode the reason: its identity lacks ram:DecodeDiagnosticMessage (NoPermission).");
      await expect(reason).toContainText("The refusal itself says: Implicit deny of ram:ListPoliciesForRole by Permission policies (account level).");
      await api.dispose();
    } finally {
      await app.stop();
    }
  });
});
