import { expect, test } from "@playwright/test";
import { demoPassword, signIn } from "./fixtures/auth";

test.describe("console shell", () => {
  test("shows the product, the cloud it talks to, and its sections", async ({ page }) => {
    await signIn(page, "bob");
    await page.goto("/");
    await expect(page.getByRole("link", { name: /RoleScope/ })).toBeVisible();
    const badge = page.getByTestId("cloud-badge");
    await expect(badge).toContainText("Local emulator");
    await expect(badge).toContainText("127.0.0.1:");

    const nav = page.getByRole("navigation", { name: "Sections" });
    const overview = nav.getByRole("link", { name: "Overview" });
    await expect(overview).toHaveAttribute("aria-current", "page");
    await overview.click();
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(page.getByText("Local emulator (demo data, no cloud account)")).toBeVisible();

    await page.screenshot({ path: "e2e/screens/shell.png", fullPage: true });
  });

  test("an anonymous visitor signs in and lands on the page they asked for", async ({ page }) => {
    const res = await page.request.get("/audit?outcome=denied", { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers()["location"]).toBe("/login?next=%2Faudit%3Foutcome%3Ddenied");

    await page.goto("/audit?outcome=denied");
    await expect(page).toHaveURL(/\/login\?next=%2Faudit%3Foutcome%3Ddenied$/);
    await page.getByLabel("Username").fill("alice");
    await page.getByLabel("Password").fill(demoPassword("alice"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/audit\?outcome=denied$/);
  });

  test("the overview is not rendered for an anonymous visitor", async ({ request }) => {
    const res = await request.get("/", { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(await res.text()).not.toContain("127.0.0.1:");
  });

  test("health reports the emulator and no secret", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", cloud: { mode: "emulator" } });
    expect(body.cloud.endpoint).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(JSON.stringify(body)).not.toContain("Secret");
  });

  test("an unknown page says so", async ({ page }) => {
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });
});
