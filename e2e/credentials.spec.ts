import { mkdirSync } from "node:fs";
import { test, expect, type Page } from "@playwright/test";
import { CLOUD_OPERATIONS } from "../lib/cloud/operations";
import { buildConsolePolicy } from "../lib/policy/console-policy";
import { demoPassword, type DemoUserName } from "./fixtures/auth";
import { issuedSecrets, startChainConsole, type ChainConsole } from "./fixtures/chain-console";

// The credentials page of a console that runs as it would on EAS: ALIBABA_CLOUD_CREDENTIALS_URI
// names its role, whose STS credentials live 15 minutes (STS's shortest).

let app: ChainConsole;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  app = await startChainConsole({ policy: buildConsolePolicy(CLOUD_OPERATIONS, { mode: "full" }), credentialsTtlSeconds: 900 });
});
test.afterAll(async () => app?.stop());

async function signInAt(page: Page, name: DemoUserName) {
  const res = await page.request.post(`${app.baseURL}/api/auth/login`, { data: { username: name, password: demoPassword(name) } });
  expect(res.status(), `sign-in as ${name}`).toBe(200);
}

test.describe("console credentials", () => {
  test("the page shows the source, the role's identity and the expiry, and its HTML holds no secret", async ({ page }) => {
    await signInAt(page, "alice");
    const res = await page.goto(`${app.baseURL}/settings/credentials`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Console credentials" })).toBeVisible();
    await expect(page.getByTestId("credentials-source")).toContainText("Credentials URI");
    await expect(page.getByTestId("credentials-source")).toContainText("credentials-uri");
    await expect(page.getByTestId("credentials-identity")).toHaveText("acs:ram::1784200000000001:assumed-role/rolescopeconsole/eas-instance");
    await expect(page.getByTestId("credentials-key-id")).toHaveText(/^STS\.\*{4}\w{4}$/);
    await expect(page.getByTestId("expiry-countdown")).toHaveText(/^in 1[45] min \d{1,2} s$/);
    const first = await page.getByTestId("expiry-countdown").textContent();
    await expect(page.getByTestId("expiry-countdown")).not.toHaveText(first!, { timeout: 3000 });
    await expect(page.getByRole("table", { name: "Credential chain" }).locator('tr[data-link="credentials-uri"]')).toContainText("In use");
    await expect(page.getByRole("table", { name: "Credential chain" }).locator('tr[data-link="ecs-ram-role"]')).toContainText("Not configured");
    await expect(page.getByLabel("RAM policy for the console's identity")).toContainText("ram:PassRole");
    await expect(page.getByTestId("read-only-badge")).toHaveCount(0);

    mkdirSync("e2e/screens", { recursive: true });
    await page.screenshot({ path: "e2e/screens/credentials.png", fullPage: false });

    // What the emulator handed out for the role (the state file holds it), and the account's root secret.
    await new Promise((r) => setTimeout(r, 300));
    const secrets = issuedSecrets(app.stateFile);
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    const html = await (await page.request.get(`${app.baseURL}/settings/credentials`)).text();
    const api = await (await page.request.get(`${app.baseURL}/api/credentials`)).text();
    for (const s of secrets) {
      expect(html.includes(s), "a secret or token in the page's HTML").toBe(false);
      expect((await page.content()).includes(s), "a secret or token in the rendered page").toBe(false);
      expect(api.includes(s), "a secret or token in GET /api/credentials").toBe(false);
      expect(app.log().includes(s), "a secret or token in the console's log").toBe(false);
    }
  });

  test("GET /api/credentials answers exactly the documented fields", async ({ page }) => {
    await signInAt(page, "alice");
    const res = await page.request.get(`${app.baseURL}/api/credentials`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["accessKeyId", "expiresAt", "identity", "lastError", "lastRefreshAt", "source"]);
    expect(body).toMatchObject({
      source: "credentials-uri",
      identity: { arn: "acs:ram::1784200000000001:assumed-role/rolescopeconsole/eas-instance", accountId: "1784200000000001" },
      accessKeyId: expect.stringMatching(/^STS\.\*{4}\w{4}$/),
      lastError: null,
    });
    const lifetime = Date.parse(body.expiresAt as string) - Date.parse(body.lastRefreshAt as string);
    expect(lifetime).toBeGreaterThan(890_000);
    expect(lifetime).toBeLessThanOrEqual(900_000);
  });

  test("engineers neither see the page in the navigation nor may open it", async ({ page }) => {
    await signInAt(page, "bob");
    await page.goto(`${app.baseURL}/`);
    await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Credentials" })).toHaveCount(0);
    expect((await page.goto(`${app.baseURL}/settings/credentials`))?.status()).toBe(403);
    expect((await page.request.get(`${app.baseURL}/api/credentials`)).status()).toBe(403);
  });

  test("while the console may write, its write controls are offered and carry data-cloud-write (what read-only mode must hide)", async ({ page }) => {
    await signInAt(page, "alice");
    await page.goto(`${app.baseURL}/setup?step=preview&region=cn-hangzhou&image=registry.cn-hangzhou.aliyuncs.com%2Fml-team%2Fasr%3A1.4&method=2&source=new&role=eas-rw-role`);
    await expect(page.getByRole("button", { name: "Confirm and apply" })).toHaveAttribute("data-cloud-write");

    const bob = await page.context().browser()!.newContext();
    const asked = await bob.request.post(`${app.baseURL}/api/auth/login`, { data: { username: "bob", password: demoPassword("bob") } });
    expect(asked.status()).toBe(200);
    const created = await bob.request.post(`${app.baseURL}/api/passrole-requests`, { data: { roleName: "eas-restricted", reason: "marker check", duration: "7d" }, headers: { origin: app.baseURL } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await bob.close();
    await page.goto(`${app.baseURL}/approvals/${id}`);
    await expect(page.getByRole("button", { name: "Approve and grant" })).toHaveAttribute("data-cloud-write");
  });
});
