import fs from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { e2eEnv } from "../playwright.config";
import { EMULATOR_URL } from "./fixtures/cloud";
import { signInRequest } from "./fixtures/auth";

// Inputs a hostile client sends that once answered 500: each must be a 404 page or a 400 JSON
// error in the one error shape, anonymous or signed in, and nothing must reach the cloud.
const PAGES = ["/roles/%", "/services/%/x", "/services/cn-hangzhou/%E0%A4%A", "/roles/%E0%A4%A"];
const APIS: [string, string][] = [
  ["GET", "/api/roles/%"],
  ["GET", "/api/services/cn-hangzhou/%E0%A4%A"],
  ["GET", "/api/services/%/x"],
  ["PATCH", "/api/auth/users/%"],
];

async function expectShape(ctx: APIRequestContext) {
  for (const path of PAGES) {
    const res = await ctx.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(404);
    expect(await res.text(), path).toContain("Not found");
  }
  for (const [method, path] of APIS) {
    const res = await ctx.fetch(path, { method, data: method === "PATCH" ? { disabled: true } : undefined });
    expect(res.status(), `${method} ${path}`).toBe(400);
    expect(await res.json(), `${method} ${path}`).toMatchObject({ error: { code: "invalid_input", fields: { path: "must be valid percent-encoding" } } });
  }
}

test.describe("malformed input", () => {
  test("a stray % in a path segment is a 404 page or a 400 JSON error, anonymous and signed in", async ({ playwright, baseURL }) => {
    const anon = await playwright.request.newContext({ baseURL });
    await expectShape(anon);
    const admin = await playwright.request.newContext({ baseURL });
    await signInRequest(admin, "alice");
    await expectShape(admin);
    await anon.dispose();
    await admin.dispose();
  });

  test("a malformed session cookie is no session: pages ask to sign in, the API says unauthenticated, sign-in works", async ({ playwright, baseURL }) => {
    for (const value of ["%", "%E0%A4%A"]) {
      const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `rolescope_session=${value}` } });
      const me = await ctx.get("/api/auth/me");
      expect(me.status()).toBe(401);
      expect(await me.json()).toMatchObject({ error: { code: "unauthenticated" } });
      expect((await ctx.get("/roles", { maxRedirects: 0 })).status()).toBe(307);
      expect((await ctx.get("/login")).status()).toBe(200);
      const login = await ctx.post("/api/auth/login", { data: { username: "bob", password: "bob-demo-pass" } });
      expect(login.status()).toBe(200);
      await ctx.dispose();
    }
  });

  test("service and role names the cloud could not hold are refused before any call", async ({ playwright, baseURL, request }) => {
    const ctx = await playwright.request.newContext({ baseURL });
    await signInRequest(ctx, "alice");
    await request.delete(`${EMULATOR_URL}/_emulator/stats`);
    for (const path of ["/services/cn-hangzhou/%25", "/services/cn-hangzhou/it's", "/services/cn-hangzhou/a%20b", "/roles/it's", "/roles/a%2Fb"]) {
      const res = await ctx.get(path);
      expect(res.status(), path).toBe(404);
    }
    for (const path of ["/api/services/cn-hangzhou/it's", "/api/roles/it's", "/api/roles/a%20b"]) {
      const res = await ctx.get(path);
      expect(res.status(), path).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "invalid_input", fields: { name: expect.any(String) } } });
    }
    const stats = (await (await request.get(`${EMULATOR_URL}/_emulator/stats`)).json()) as { calls: Record<string, number> };
    expect(stats.calls.DescribeService ?? 0).toBe(0);
    expect(stats.calls.GetRole ?? 0).toBe(0);
    // Nothing above reached the server log as an unexplained failure.
    const log = fs.readFileSync(e2eEnv.SERVER_LOG, "utf8");
    expect(log).not.toContain("URIError");
    await ctx.dispose();
  });

  test("a role name RAM could not hold is a real 404 inside the console, saying why", async ({ page }) => {
    await signInRequest(page.request, "bob");
    const res = await page.goto("/roles/it's");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("alert").filter({ hasText: "A role name is 1–64" })).toBeVisible();
    await expect(page.getByTestId("user-menu")).toBeVisible();
    await page.screenshot({ path: "e2e/screens/role-bad-name.png", fullPage: true });
  });
});
