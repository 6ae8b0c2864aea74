import { expect, test, type Page } from "@playwright/test";
import { signInWithForm } from "./fixtures/auth";

function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  // Any error but a plain failed fetch (a 404 for a missing favicon says nothing about the CSP).
  page.on("console", (m) => {
    const text = m.text();
    if (/Content Security Policy|Permissions-Policy|Refused to/i.test(text) || (m.type() === "error" && !text.startsWith("Failed to load resource"))) problems.push(text);
  });
  page.on("pageerror", (e) => problems.push(e.message));
  return problems;
}

test.describe("content security policy and headers", () => {
  test("pages carry a fresh script nonce, no inline-script allowance, Permissions-Policy, and no HSTS over HTTP", async ({ request }) => {
    const nonces = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const res = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
      const csp = res.headers()["content-security-policy"];
      const script = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"))!;
      expect(script).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(script).not.toContain("unsafe-inline");
      nonces.add(/'nonce-([^']+)'/.exec(script)![1]);
      // Every script of the page carries this request's nonce.
      const html = await res.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${/'nonce-([^']+)'/.exec(script)![1]}"`);
      expect(res.headers()["permissions-policy"]).toContain("camera=()");
      // The browser came over HTTP; a client's X-Forwarded-Proto is believed only from a trusted proxy.
      expect(res.headers()["strict-transport-security"]).toBeUndefined();
    }
    expect(nonces.size).toBe(2);
    const api = await request.get("/api/health");
    expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers()["permissions-policy"]).toContain("microphone=()");
  });

  test("sign-in, a list and the role simulator hydrate and work with no CSP violation", async ({ page }) => {
    const problems = watchConsole(page);
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await signInWithForm(page, "alice", "/services");
    await expect(page.getByTestId("service-row-fraud-detector")).toBeVisible();
    await page.getByLabel("Search services").fill("fraud");
    await expect(page.getByTestId("service-row-image-tagger")).toHaveCount(0);
    await expect(page.getByTestId("service-row-fraud-detector")).toBeVisible();

    await page.goto("/roles/eas-oss-reader");
    await page.getByLabel("Action", { exact: true }).fill("oss:GetObject");
    await page.getByLabel("Resource", { exact: true }).fill("acs:oss:*:*:images/cat.jpg");
    await page.getByLabel("Resource", { exact: true }).press("Enter");
    await expect(page.getByTestId("sim-decision")).toHaveText("Allow");
    expect(problems).toEqual([]);
  });
});
