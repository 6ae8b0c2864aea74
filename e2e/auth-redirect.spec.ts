import { expect, test, type Page } from "@playwright/test";
import { demoPassword, signIn } from "./fixtures/auth";

// Browsers drop tabs and newlines from a URL, so `/<TAB>/evil.invalid` is `//evil.invalid` to
// them: another site. Each way of signing in must leave the browser on the console's origin.
const HOSTILE = ["/%09/evil.invalid", "/%0D%0A/evil.invalid", "/%0A%5Cevil.invalid", "/.//evil.invalid"];

function watchHosts(page: Page): Set<string> {
  const hosts = new Set<string>();
  page.on("request", (r) => hosts.add(new URL(r.url()).host));
  return hosts;
}

async function fillAndSubmit(page: Page) {
  await page.getByLabel("Username").fill("bob");
  await page.getByLabel("Password").fill(demoPassword("bob"));
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("after sign-in the browser stays on the console", () => {
  for (const next of HOSTILE) {
    test(`the login page (JSON sign-in) with next=${next}`, async ({ page, baseURL }) => {
      const hosts = watchHosts(page);
      await page.goto(`/login?next=${next}`);
      await fillAndSubmit(page);
      await expect(page.getByTestId("user-menu")).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      expect([...hosts]).toEqual([new URL(baseURL!).host]);
    });
  }

  test("the plain form post (no JavaScript) answers a 303 that stays on the console", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    const hosts = watchHosts(page);
    const origin = new URL(baseURL!).origin;
    for (const next of HOSTILE) {
      await context.clearCookies();
      await page.goto(`/login?next=${next}`);
      const answer = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/auth/login");
      await fillAndSubmit(page);
      const res = await answer;
      expect(res.status(), next).toBe(303);
      // Where the 303 sends a browser, by the URL parser browsers use.
      expect(new URL(res.headers()["location"], baseURL).origin, next).toBe(origin);
      await page.waitForLoadState();
      expect(new URL(page.url()).origin, next).toBe(origin);
    }
    expect([...hosts]).toEqual([new URL(baseURL!).host]);
    await context.close();
  });

  test("GET /login?next=… when already signed in redirects within the console", async ({ page, baseURL }) => {
    await signIn(page, "bob");
    const hosts = watchHosts(page);
    for (const next of HOSTILE) {
      await page.goto(`/login?next=${next}`);
      expect(new URL(page.url()).origin, next).toBe(new URL(baseURL!).origin);
    }
    expect([...hosts]).toEqual([new URL(baseURL!).host]);
    // A safe path still takes the user where they meant to go.
    await page.goto(`/login?next=${encodeURIComponent("/roles?q=eas")}`);
    await expect(page).toHaveURL(/\/roles\?q=eas$/);
  });
});
