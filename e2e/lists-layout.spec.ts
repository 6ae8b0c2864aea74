import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./fixtures/auth";
import { test as cloudTest } from "./fixtures/cloud";

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
] as const;

const names = (page: Page) => page.locator("tbody tr td:first-child a");

/** `inner`'s box lies within `outer`'s, to the pixel. */
async function expectInside(inner: Locator, outer: Locator) {
  const [a, b] = await Promise.all([inner.boundingBox(), outer.boundingBox()]);
  expect(a && b, "both boxes are rendered").toBeTruthy();
  expect(a!.x).toBeGreaterThanOrEqual(b!.x - 0.5);
  expect(a!.y).toBeGreaterThanOrEqual(b!.y - 0.5);
  expect(a!.x + a!.width).toBeLessThanOrEqual(b!.x + b!.width + 0.5);
  expect(a!.y + a!.height).toBeLessThanOrEqual(b!.y + b!.height + 0.5);
}

/** How many lines the element's text wraps onto. */
const lineCount = (cell: Locator) =>
  cell.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  });

test.describe("list filters and page size", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "bob");
  });

  test("two filter changes made in quick succession are both kept", async ({ page }) => {
    await page.goto("/services?mode=default");
    await expect(names(page).first()).toBeVisible();
    // Both changes in one task, before the page can re-render after the first.
    await page.evaluate(() => {
      const pick = (label: string, value: string) => {
        const id = [...document.querySelectorAll("label")].find((l) => l.textContent === label)!.htmlFor;
        const select = document.getElementById(id) as HTMLSelectElement;
        select.value = value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      };
      pick("Role mode", "custom");
      pick("Status", "Failed");
    });
    await expect(page).toHaveURL(/[?&]mode=custom/);
    await expect(page).toHaveURL(/[?&]status=Failed/);
    await expect(page.getByLabel("Role mode")).toHaveValue("custom");
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("Failed");

    // The rows are the cloud's answer to both filters.
    const api = await page.request.get("/api/services?mode=custom&status=Failed&pageSize=100");
    const expected = ((await api.json()).items as { name: string }[]).map((s) => s.name);
    expect(expected.length).toBeGreaterThan(0);
    await expect(names(page)).toHaveText(expected);
  });

  test("quick changes through the controls themselves are kept too", async ({ page }) => {
    await page.goto("/services?mode=default");
    await expect(names(page).first()).toBeVisible();
    await page.getByLabel("Role mode").selectOption("custom");
    await page.getByLabel("Status", { exact: true }).selectOption("Failed");
    await page.getByLabel("Region", { exact: true }).selectOption("cn-hangzhou");
    await expect(page).toHaveURL(/\?mode=custom&status=Failed&region=cn-hangzhou$/);
    await page.reload();
    await expect(page.getByLabel("Role mode")).toHaveValue("custom");
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("Failed");
  });

  test("rows per page: 20, 50 or 100, kept in the URL with the filters", async ({ page }) => {
    await page.goto("/roles?pageSize=5&page=2");
    await expect(page.getByText("6–10 of 10")).toBeVisible();
    const size = page.getByLabel("Rows per page");
    await expect(size.locator("option")).toHaveText(["5", "20", "50", "100"]);

    const asked = page.waitForRequest((r) => r.url().includes("/api/roles?") && r.url().includes("pageSize=50"));
    await size.selectOption("50");
    await asked;
    await expect(page).toHaveURL(/\/roles\?pageSize=50$/);
    await expect(page.getByText("1–10 of 10")).toBeVisible();
    await expect(names(page)).toHaveCount(10);

    await page.getByLabel("EAS can assume").selectOption("no");
    await expect(page).toHaveURL(/\/roles\?pageSize=50&eas=no$/);
    await page.reload();
    await expect(page.getByLabel("Rows per page")).toHaveValue("50");
    await page.getByLabel("Rows per page").selectOption("20");
    await expect(page).toHaveURL(/\/roles\?eas=no$/);

    await page.goto("/services?pageSize=5");
    await expect(page.getByText("1–5 of 14")).toBeVisible();
    await page.getByLabel("Rows per page").selectOption("20");
    await expect(page.getByText("1–14 of 14")).toBeVisible();
    await expect(names(page)).toHaveCount(14);
  });

  test("the search box stops at the server's limit", async ({ page }) => {
    await page.goto("/services");
    const box = page.getByRole("searchbox", { name: "Search services" });
    await box.fill("x".repeat(250));
    await expect(box).toHaveValue("x".repeat(200));
    await expect(page).toHaveURL(new RegExp(`q=${"x".repeat(200)}(&|$)`));
    await expect(page.getByText("No service matches these filters.")).toBeVisible();
    expect((await page.request.get(`/api/services?q=${"x".repeat(200)}`)).status()).toBe(200);
  });
});

cloudTest("a failed list shows the cloud's code and RequestId, no stray separator before Refresh, and Refresh reads again", async ({ page, cloud, baseURL }) => {
  await signIn(page, "bob");
  await cloud.control("PUT", "/_emulator/faults", { operation: "ListServices", errorRate: 1, errorCode: "Throttling.User", httpStatus: 400 });
  try {
    // Drop the console's cached reads, so the page's first load meets the fault.
    expect((await page.request.post("/api/refresh", { data: { what: "services" }, headers: { origin: baseURL! } })).status()).toBe(200);
    await page.goto("/services");
    const alert = page.getByRole("alert").filter({ hasText: "The services could not be loaded" });
    // The console retries throttling within its budget (8 s) before it gives the error to the page.
    await expect(alert).toContainText("Throttling.User", { timeout: 15_000 });
    await expect(alert).toContainText(/RequestId: [0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/i);
    const refresh = page.getByRole("button", { name: "Refresh" });
    await expect(refresh).toBeVisible();
    await expect(refresh.locator("xpath=..")).toHaveText("Refresh");
  } finally {
    await cloud.control("DELETE", "/_emulator/faults");
  }
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByText(/Data as of \d\d:\d\d:\d\d/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Refresh" }).locator("xpath=..")).toHaveText(/^Data as of \d\d:\d\d:\d\d·Refresh$/);

  // Refresh asks the console to drop its cached reads, then the list is read again from the cloud.
  await cloud.control("DELETE", "/_emulator/stats");
  const dropped = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/api/refresh"));
  const reread = page.waitForResponse((r) => r.url().includes("/api/services") && r.request().method() === "GET");
  await page.getByRole("button", { name: "Refresh" }).click();
  expect((await dropped).postDataJSON()).toEqual({ what: "services" });
  expect((await reread).status()).toBe(200);
  const stats = (await cloud.control("GET", "/_emulator/stats")) as { calls: Record<string, number> };
  expect(stats.calls.ListServices).toBeGreaterThan(0);
});

test.describe("JSON blocks", () => {
  test.beforeEach(async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signIn(page, "alice");
  });

  const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

  test("every JSON block on a role page has a copy button that copies the document", async ({ page }) => {
    await page.goto("/roles/data-pipeline");
    const blocks = page.locator("figure:has(pre)");
    const count = await blocks.count();
    const role = await (await page.request.get("/api/roles/data-pipeline")).json();
    expect(count).toBe(1 + role.policies.length);
    for (let i = 0; i < count; i++) await expect(blocks.nth(i).locator("[data-copy-button]")).toHaveCount(1);

    await page.getByRole("button", { name: "Copy Trust policy" }).click();
    await expect(page.getByRole("button", { name: "Copy Trust policy" })).toHaveText("Copied");
    expect(JSON.parse(await clipboard(page))).toEqual(JSON.parse(role.trust.raw));

    const policy = role.policies.find((p: { name: string }) => p.name === "deny-oss-delete");
    await page.getByRole("button", { name: "Copy deny-oss-delete" }).click();
    expect(JSON.parse(await clipboard(page))).toEqual(JSON.parse(policy.raw));
  });

  test("the service config and the documents in its role chain have copy buttons", async ({ page }) => {
    await page.goto("/services/cn-hangzhou/image-tagger");
    const detail = await (await page.request.get("/api/services/cn-hangzhou/image-tagger")).json();
    await page.getByRole("button", { name: "Copy Service config" }).click();
    expect(JSON.parse(await clipboard(page))).toEqual(JSON.parse(detail.configJson));

    await page.getByText("Trust policy and attached policy documents").click();
    const blocks = page.getByRole("region", { name: "Role chain" }).locator("figure:has(pre)");
    await expect(blocks).toHaveCount(1 + detail.policies.length);
    for (const block of await blocks.all()) await expect(block.locator("[data-copy-button]")).toHaveCount(1);
    await page.getByRole("button", { name: "Copy Trust policy" }).click();
    expect(JSON.parse(await clipboard(page))).toEqual(JSON.parse(detail.role.trustJson));
  });
});

test.describe("layout", () => {
  for (const viewport of VIEWPORTS) {
    test(`the users table fits its card at ${viewport.width} px, row actions included`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await signIn(page, "alice");
      await page.goto("/admin/users");
      const table = page.getByRole("table", { name: "Console users" });
      const card = table.locator("xpath=..");
      await expect(page.getByTestId("user-carol")).toBeVisible();
      // The table needs no scrolling inside its card.
      expect(await card.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      for (const user of ["alice", "bob", "carol"]) await expectInside(page.getByRole("button", { name: `Actions for ${user}` }), card);

      const bobBefore = await page.getByTestId("user-bob").textContent();
      await page.getByRole("button", { name: "Actions for bob" }).click();
      const disable = page.getByRole("menuitem", { name: "Disable" });
      await expect(disable).toBeVisible();
      await expectInside(disable, page.locator("body"));
      const box = (await disable.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(await disable.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await page.screenshot({ path: `e2e/screens/users-menu-${viewport.width}.png` });
      await page.keyboard.press("Escape");
      await expect(disable).toBeHidden();
      // Nothing was changed by opening and closing the menu.
      await expect(page.getByTestId("user-bob")).toHaveText(bobBefore!);
    });

    test(`the services and roles tables fit their card at ${viewport.width} px`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await signIn(page, "bob");
      for (const [url, label] of [["/services", "EAS services"], ["/roles", "RAM roles"]]) {
        await page.goto(url);
        const table = page.getByRole("table", { name: label });
        await expect(table.locator("tbody tr").first()).toBeVisible();
        expect(await table.locator("xpath=..").evaluate((el) => el.scrollWidth - el.clientWidth), url).toBeLessThanOrEqual(0);
        await expectInside(table.locator("thead th").last(), table.locator("xpath=.."));
      }
    });

    test(`event reasons are never broken mid-word at ${viewport.width} px`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await signIn(page, "bob");
      for (const service of ["churn-predictor", "ocr-pipeline", "image-tagger"]) {
        await page.goto(`/services/cn-hangzhou/${service}`);
        const reasons = page.getByRole("table", { name: "Deployment events" }).locator("[data-event-reason]");
        await expect(reasons.first()).toBeVisible();
        for (const cell of await reasons.all()) expect(await lineCount(cell), `${service}: ${await cell.textContent()}`).toBe(1);
      }
    });
  }

  test("a page hands its client components only the messages they use", async ({ page }) => {
    await signIn(page, "alice");
    const html = async (url: string) => (await page.request.get(url)).text();
    // Words no part of the services list shows: the simulator's help and the users page's intro.
    const services = await html("/services");
    expect(services).toContain("Search services");
    expect(services).not.toContain("One key=value per line");
    expect(services).not.toContain("Who may sign in to RoleScope");
    const role = await html("/roles/eas-oss-reader");
    expect(role).toContain("One key=value per line");
    expect(role).not.toContain("Every PAI-EAS service in the selected regions");
    expect(role).not.toContain("Who may sign in to RoleScope");
  });

  test("the console has a favicon", async ({ page }) => {
    await signIn(page, "bob");
    await page.goto("/");
    const href = await page.locator('link[rel="icon"]').getAttribute("href");
    expect(href).toMatch(/^\/icon\.svg/);
    const icon = await page.request.get(href!);
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  });

  for (const viewport of VIEWPORTS) {
    test(`screens at ${viewport.width}×${viewport.height}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await signIn(page, "alice");
      const shots: [string, string, Locator][] = [
        ["services", "/services", page.getByTestId("service-row-fraud-detector")],
        ["users", "/admin/users", page.getByTestId("user-alice")],
        ["role-detail", "/roles/eas-oss-reader", page.locator(".react-flow__node").first()],
        ["service-detail", "/services/cn-hangzhou/churn-predictor", page.getByRole("table", { name: "Deployment events" })],
      ];
      for (const [name, url, ready] of shots) {
        await page.goto(url);
        await expect(ready).toBeVisible();
        await page.screenshot({ path: `e2e/screens/${name}-${viewport.width}.png`, fullPage: true });
      }
    });
  }
});
