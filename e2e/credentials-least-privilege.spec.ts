import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, request, type APIRequestContext, type Page } from "@playwright/test";
import { ROUTE_ACCESS, type RouteAccess } from "../lib/auth/route-access";
import { CLOUD_OPERATIONS } from "../lib/cloud/operations";
import { buildConsolePolicy } from "../lib/policy/console-policy";
import type { PolicyDocument } from "../lib/policy/types";
import { demoPassword } from "./fixtures/auth";
import { startChainConsole, type ChainConsole } from "./fixtures/chain-console";

// The console run by a role that holds only the generated read-only policy, with
// ROLESCOPE_READ_ONLY=true: every page and every API route of the build (taken from its
// manifest, so what is added later is covered too) loads with no NoPermission, no control that
// writes to the cloud appears, and no write reaches the cloud. Then one operation is taken out
// of the policy, and the page that needs it shows the cloud's NoPermission: the policy is exact.

const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";

// A value for each dynamic segment, from the demo seed. A dynamic route missing here fails the spec.
const PAGE_SAMPLES: Record<string, string> = {
  "/services/[region]/[name]": "/services/cn-hangzhou/fraud-detector",
  "/roles/[name]": "/roles/eas-oss-reader",
  "/roles/[name]/activity": "/roles/eas-oss-reader/activity",
  // `:request` is a PassRole request bob makes once the console runs (the demo seed holds none).
  "/approvals/[id]": "/approvals/:request",
};
let requestId = "";
// Pages whose write controls show only deep in their state (the setup wizard's apply step).
const DEEP_URLS = ["/setup?step=preview&region=cn-hangzhou&image=registry.cn-hangzhou.aliyuncs.com%2Fml-team%2Fasr%3A1.4&method=2&source=new&role=eas-ro-role"];
// Signing out ends the session the rest of the spec uses; it makes no cloud call.
const NOT_PROBED = new Set(["POST /api/auth/logout"]);
const WRITE_OPERATIONS = new Set(CLOUD_OPERATIONS.filter((o) => o.kind === "write").map((o) => o.operation));

function manifestKeys(): string[] {
  return Object.keys(JSON.parse(readFileSync(join(DIST_DIR, "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>);
}
const urlOf = (key: string, suffix: string) => `/${key.replace(new RegExp(`/${suffix}$`), "").split("/").filter((s) => s && !/^\(.*\)$/.test(s)).join("/")}`;

/** Console pages of the build: `/(console)/services/(list)/page` → `/services`. */
function consolePages(): string[] {
  return manifestKeys().filter((k) => k.startsWith("/(console)/") && k.endsWith("/page")).map((k) => urlOf(k, "page")).sort();
}
function apiRoutes(): string[] {
  return manifestKeys().filter((k) => k.startsWith("/api/") && k.endsWith("/route")).map((k) => urlOf(k, "route")).sort();
}
function sample(route: string): string {
  if (!route.includes("[")) return route;
  const url = PAGE_SAMPLES[route];
  if (!url) throw new Error(`no sample URL for the dynamic page ${route}: add one to PAGE_SAMPLES`);
  return url.replace(":request", requestId);
}

let app: ChainConsole;
const readOnlyPolicy = buildConsolePolicy(CLOUD_OPERATIONS, { mode: "read-only" });

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  app = await startChainConsole({ policy: readOnlyPolicy, env: { ROLESCOPE_READ_ONLY: "true", ROLESCOPE_CACHE_TTL_MS: "0" } });
  // A request to review: asking writes to the console's store only, so read-only mode allows it.
  const bob = await request.newContext();
  const login = await bob.post(`${app.baseURL}/api/auth/login`, { data: { username: "bob", password: demoPassword("bob") } });
  expect(login.status()).toBe(200);
  const asked = await bob.post(`${app.baseURL}/api/passrole-requests`, { data: { roleName: "eas-restricted", reason: "read-only review", duration: "7d" }, headers: { origin: app.baseURL } });
  expect(asked.status()).toBe(201);
  requestId = ((await asked.json()) as { id: string }).id;
  await bob.dispose();
});
test.afterAll(async () => app?.stop());

async function signIn(request: APIRequestContext) {
  const res = await request.post(`${app.baseURL}/api/auth/login`, { data: { username: "alice", password: demoPassword("alice") } });
  expect(res.status(), "sign-in as alice").toBe(200);
}

async function emulatorCalls(): Promise<Record<string, number>> {
  return ((await (await fetch(`${app.emulator.url}/_emulator/stats`)).json()) as { calls: Record<string, number> }).calls;
}

/** Opens a page as a person would and waits until its API calls are done; returns the failed ones. */
async function open(page: Page, url: string): Promise<string[]> {
  const failed: string[] = [];
  const onResponse = (r: import("@playwright/test").Response) => {
    if (r.url().startsWith(`${app.baseURL}/api/`) && r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  };
  page.on("response", onResponse);
  const res = await page.goto(`${app.baseURL}${url}`);
  expect(res?.status(), url).toBe(200);
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  return failed;
}

// Next's route announcer is an alert region too; it is no error state.
const alerts = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');

function withoutAction(policy: PolicyDocument, action: string): PolicyDocument {
  const statements = policy.Statement.map((s) => ({ ...s, Action: (s.Action ?? []).filter((a) => a !== action) })).filter((s) => s.Action.length > 0);
  expect(JSON.stringify(statements)).not.toContain(`"${action}"`);
  return { ...policy, Statement: statements };
}

test("every console page loads with the read-only policy: no NoPermission, no write control, the read-only badge", async ({ page }) => {
  // One walk over every console page (some thirty, each waited for whole): it grows with the console.
  test.setTimeout(240_000);
  await signIn(page.request);
  await fetch(`${app.emulator.url}/_emulator/stats`, { method: "DELETE" });
  const pages = consolePages();
  expect(pages).toEqual(expect.arrayContaining(["/", "/services", "/roles", "/settings/credentials", "/setup", "/approvals/[id]"]));
  for (const url of [...pages.map(sample), ...DEEP_URLS]) {
    const failed = await open(page, url);
    expect(failed, `${url}: API calls that failed`).toEqual([]);
    await expect(alerts(page), `${url} shows an error`).toHaveCount(0);
    expect(await page.content(), url).not.toContain("NoPermission");
    await expect(page.locator("[data-cloud-write]"), `${url}: a control that writes to the cloud`).toHaveCount(0);
    await expect(page.getByTestId("read-only-badge"), url).toBeVisible();
  }
  // The wizard's preview says why nothing is applied: the console, not the user's role.
  await open(page, DEEP_URLS[0]);
  await expect(page.getByTestId("admin-only")).toContainText("RoleScope runs read-only (ROLESCOPE_READ_ONLY=true): it makes none of these calls.");
  await expect(page.getByTestId("admin-only")).not.toContainText("Only an admin");
  mkdirSync("e2e/screens", { recursive: true });
  await page.screenshot({ path: "e2e/screens/setup-preview-read-only.png" });
  // The review of a pending request offers no approval: granting writes to RAM.
  await open(page, `/approvals/${requestId}`);
  await expect(page.getByText("RoleScope runs read-only (ROLESCOPE_READ_ONLY=true): it makes no changes in the cloud, so it grants and revokes nothing.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Reject" })).toBeVisible();
  await open(page, "/settings/credentials");
  await expect(page.getByTestId("credentials-source")).toContainText("credentials-uri");
  await expect(page.getByText("The console runs read-only (ROLESCOPE_READ_ONLY=true): its identity needs only the policy below")).toBeVisible();
  await page.screenshot({ path: "e2e/screens/credentials-read-only.png" });
  const calls = await emulatorCalls();
  expect(Object.keys(calls).length, "the pages read the cloud").toBeGreaterThan(5);
  expect(Object.keys(calls).filter((op) => WRITE_OPERATIONS.has(op)), "writes that reached the cloud").toEqual([]);
});

test("every API route answers with the read-only policy, writes are refused, and none reaches the cloud", async ({ request }) => {
  await signIn(request);
  await fetch(`${app.emulator.url}/_emulator/stats`, { method: "DELETE" });
  const routes = apiRoutes();
  expect(routes).toEqual(expect.arrayContaining(["/api/credentials", "/api/roles", "/api/services"]));
  const origin = { origin: app.baseURL };
  for (const path of routes) {
    const entries = ROUTE_ACCESS.filter((e) => e.path === path);
    expect(entries.length, `${path} has an entry in lib/auth/route-access.ts`).toBeGreaterThan(0);
    for (const e of entries.filter((x: RouteAccess) => !NOT_PROBED.has(`${x.method} ${x.path}`))) {
      const res = await request.fetch(`${app.baseURL}${e.probe?.path ?? e.path}`, { method: e.method, headers: origin, maxRedirects: 0, ...(e.probe?.body === undefined ? {} : { data: e.probe.body }) });
      const text = await res.text();
      expect(text, `${e.method} ${e.path}`).not.toContain("NoPermission");
      if (e.access === "cloud:write") {
        expect([res.status(), JSON.parse(text).error?.code], `${e.method} ${e.path} in read-only mode`).toEqual([403, "read_only"]);
      } else {
        expect(res.status(), `${e.method} ${e.path}`).toBe(e.probe?.allowed ?? 200);
      }
    }
  }
  expect(Object.keys(await emulatorCalls()).filter((op) => WRITE_OPERATIONS.has(op)), "writes that reached the cloud").toEqual([]);
});

test("one operation taken out of the policy makes the page that needs it show the cloud's NoPermission", async ({ page }) => {
  await signIn(page.request);
  const cases = [
    { action: "eas:ListServices", url: "/services", api: "/api/services" },
    { action: "ram:ListPoliciesForRole", url: "/roles/eas-oss-reader", api: "/api/roles/eas-oss-reader" },
  ];
  try {
    for (const c of cases) {
      await app.role.setPolicy(withoutAction(readOnlyPolicy, c.action));
      await open(page, c.url);
      await expect(alerts(page).first(), c.url).toContainText("NoPermission");
      const res = await page.request.get(`${app.baseURL}${c.api}`);
      expect(res.status(), c.api).toBe(502);
      expect(((await res.json()) as { error: { code: string; cloud?: { code: string } } }).error).toMatchObject({ code: "cloud_denied", cloud: { code: "NoPermission" } });
    }
  } finally {
    await app.role.setPolicy(readOnlyPolicy);
  }
  await open(page, "/services");
  await expect(alerts(page)).toHaveCount(0);
});
