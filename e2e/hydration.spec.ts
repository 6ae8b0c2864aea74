import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";

// A page whose server HTML differs from the browser's first render is thrown away and rendered
// again (React error 418): a flash, double work, and elements that vanish under a test's or a
// user's hand. Every console page must hydrate as it was sent.
const PAGES = [
  "/",
  "/services",
  "/services/cn-hangzhou/chat-summarizer",
  "/issues",
  "/roles",
  "/roles/eas-oss-reader",
  "/setup",
  "/preflight",
  "/requests",
  "/approvals",
  "/admin/users",
  "/audit",
  "/settings/credentials",
];

test("every console page hydrates without a mismatch or a script error", async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && /hydrat|did not match|#418|#423|#425/i.test(m.text())) errors.push(`${page.url()}: ${m.text()}`);
  });
  await signIn(page, "alice");
  for (const url of PAGES) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("main")).toBeVisible();
  }
  expect(errors).toEqual([]);
});
