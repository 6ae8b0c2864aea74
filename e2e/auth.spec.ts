import { expect, test, type Page } from "@playwright/test";
import { signIn, signInRequest, signInWithForm, signOut } from "./fixtures/auth";

const nav = (page: Page) => page.getByRole("navigation", { name: "Sections" });

test.describe("console accounts", () => {
  test("the login page names its fields, shows the demo accounts, and rejects a wrong password generically", async ({ page }) => {
    const anon = await page.goto("/audit");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(anon?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    const demo = page.getByRole("region", { name: "Demo accounts" });
    await expect(demo.getByRole("row")).toHaveCount(4);
    await expect(demo).toContainText("alice-demo-pass");

    await page.getByLabel("Username").fill(`nobody-${Date.now().toString(36)}`);
    await page.getByLabel("Password").fill("wrong-password");
    await page.keyboard.press("Enter");
    await expect(page.locator("#login-error")).toHaveText("Wrong username or password.");
    await expect(page.getByLabel("Password")).toBeFocused();
    await page.screenshot({ path: "e2e/screens/login.png", fullPage: true });
  });

  test("alice, an admin, sees the admin sections and her role; signing out ends the session", async ({ page }) => {
    await signInWithForm(page, "alice");
    const menu = page.getByTestId("user-menu");
    await expect(menu).toContainText("Alice");
    await expect(menu).toContainText("Admin");
    await expect(nav(page).getByRole("link", { name: "Users" })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: "Audit log" })).toBeVisible();
    await nav(page).getByRole("link", { name: "Users" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Console users" })).toBeVisible();
    await expect(page.getByTestId("user-bob")).toContainText("Engineer");

    await signOut(page);
    await expect(page.getByRole("status")).toHaveText("You are signed out.");
    await page.goto("/admin/users");
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  for (const name of ["bob", "carol"] as const) {
    test(`${name}, an engineer, sees no admin section and is refused one`, async ({ page }) => {
      await signInWithForm(page, name);
      await expect(page.getByTestId("user-menu")).toContainText("Engineer");
      await expect(nav(page).getByRole("link", { name: "Overview" })).toBeVisible();
      await expect(nav(page).getByRole("link", { name: "Users" })).toHaveCount(0);
      await expect(nav(page).getByRole("link", { name: "Audit log" })).toHaveCount(0);
      for (const path of ["/admin/users", "/audit"]) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(403);
        await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
        await expect(page.getByRole("table")).toHaveCount(0);
      }
      expect((await page.request.get("/api/audit/export")).status()).toBe(403);
    });
  }

  test("an engineer who forges an admin request gets 403, nothing changes, and the audit log shows it", async ({ page, playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL });
    await signInRequest(admin, "alice");
    const users = (await (await admin.get("/api/auth/users")).json()) as { users: { id: string; username: string; role: string }[] };
    const carol = users.users.find((u) => u.username === "carol")!;

    await signIn(page, "bob");
    const forged = await page.request.patch(`/api/auth/users/${carol.id}`, { data: { role: "admin" } });
    expect(forged.status()).toBe(403);
    expect(await forged.json()).toMatchObject({ error: { code: "forbidden" } });
    const after = (await (await admin.get("/api/auth/users")).json()) as typeof users;
    expect(after.users.find((u) => u.id === carol.id)?.role).toBe("engineer");

    await signIn(page, "alice");
    await page.goto("/audit?actor=bob&outcome=denied");
    const row = page.getByRole("row").filter({ hasText: `PATCH /api/auth/users/${carol.id}` }).first();
    await expect(row).toContainText("auth.denied");
    await expect(row).toContainText("Denied");
    await expect(row).toContainText("users:manage");
    await admin.dispose();
  });

  test("a write from another origin is refused before anything else", async ({ page }) => {
    await signIn(page, "alice");
    const res = await page.request.post("/api/auth/users", {
      data: { username: "mallory", displayName: "M", role: "admin", password: "mallory-password" },
      headers: { Origin: "http://evil.example" },
    });
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "cross_origin" } });
    const login = await page.request.post("/api/auth/login", { data: { username: "alice", password: "x" }, headers: { Origin: "http://evil.example" } });
    expect(login.status()).toBe(403);
  });

  test("pages carry the security headers", async ({ request }) => {
    for (const path of ["/login", "/api/health"]) {
      const res = await request.get(path);
      const h = res.headers();
      expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
      // Pages may fetch only their own origin; JSON answers may load nothing at all.
      expect(h["content-security-policy"]).toContain(path.startsWith("/api/") ? "default-src 'none'" : "connect-src 'self'");
      expect(h["content-security-policy"]).not.toContain("unsafe-eval");
      expect(h["permissions-policy"]).toContain("camera=()");
      expect(h["x-frame-options"]).toBe("DENY");
      expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(h["x-content-type-options"]).toBe("nosniff");
    }
  });

  test("the session cookie is httpOnly, SameSite=Lax, and replaced at each sign-in", async ({ page, context }) => {
    await signIn(page, "bob");
    const first = (await context.cookies()).find((c) => c.name === "rolescope_session")!;
    expect(first).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    await signIn(page, "bob");
    const second = (await context.cookies()).find((c) => c.name === "rolescope_session")!;
    expect(second.value).not.toBe(first.value);
    await context.clearCookies();
    await context.addCookies([{ ...first }]);
    expect((await page.request.get("/api/auth/me")).status()).toBe(401);
  });
});
