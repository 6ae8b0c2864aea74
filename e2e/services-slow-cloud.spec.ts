import { expect, test } from "./fixtures/cloud";
import { signIn } from "./fixtures/auth";

// The services list on a slow cloud: 1 s per call and the bulk seed, where each row's health
// takes many RAM reads per role. The rows show once EAS's list pages are in, their health
// "Checking…", and the health fills in later without moving the reader.

const BULK = { roles: 40, services: 120 };

test.describe("the services list on a slow cloud", () => {
  test("shows the service rows before their health, then the health, keeping focus and the page", async ({ page, cloud, baseURL }) => {
    test.setTimeout(240_000);
    await cloud.control("POST", "/_emulator/seed/bulk", BULK);
    await signIn(page, "bob");
    expect((await page.request.post("/api/refresh", { data: { what: "services" }, headers: { origin: baseURL! } })).status()).toBe(200);
    await cloud.control("PUT", "/_emulator/faults", { operation: "*", latencyMs: 1000 });
    try {
      await page.goto("/services?sort=-updated&page=2");
      const table = page.getByRole("table", { name: "EAS services" });
      const rows = table.getByTestId(/^service-row-/);
      await expect(rows).toHaveCount(20);
      // Every row is there, and not one health yet: each is being checked, in neutral grey.
      await expect(table.locator("[data-health-checking]")).toHaveCount(20);
      await expect(table.locator("[data-health-codes]")).toHaveCount(0);
      await expect(table.getByText("Healthy", { exact: true })).toHaveCount(0);
      await expect(page.getByTestId("health-checking-status")).toHaveText("The services are listed; each role's health is still being checked.");
      await expect(page.getByText("21–40 of 134")).toBeVisible();
      const names = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));

      await page.screenshot({ path: "e2e/screens/services-checking-1440.png", fullPage: true });

      // The service name: a row whose role is a custom one links that too.
      const link = rows.nth(5).getByRole("link").first();
      await link.focus();
      await expect(table.locator("[data-health-checking]")).toHaveCount(0, { timeout: 120_000 });
      await expect(table.getByText("Healthy", { exact: true }).first()).toBeVisible();
      // The same rows in the same order, the same page and sort, and focus where it was.
      expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")))).toEqual(names);
      await expect(link).toBeFocused();
      await expect(page.getByText("21–40 of 134")).toBeVisible();
      expect(new URL(page.url()).search).toBe("?sort=-updated&page=2");
      await expect(page.getByTestId("health-checking-status")).toHaveText("Every service's health has been checked.");

      await page.screenshot({ path: "e2e/screens/services-checked-1440.png", fullPage: true });

      // A cold visit again, narrower.
      expect((await page.request.post("/api/refresh", { data: { what: "services" }, headers: { origin: baseURL! } })).status()).toBe(200);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto("/services?sort=-updated&page=2");
      await expect(table.locator("[data-health-checking]")).toHaveCount(20);
      await page.screenshot({ path: "e2e/screens/services-checking-1280.png", fullPage: true });
      await expect(table.locator("[data-health-checking]")).toHaveCount(0, { timeout: 120_000 });
      expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")))).toEqual(names);
      await page.screenshot({ path: "e2e/screens/services-checked-1280.png", fullPage: true });
    } finally {
      await cloud.control("DELETE", "/_emulator/faults");
    }
  });

  test("GET /api/services?facts=none answers the same rows without health, and refuses a health sort", async ({ page }) => {
    await signIn(page, "bob");
    const full = await (await page.request.get("/api/services?sort=-status&pageSize=50")).json();
    const res = await page.request.get("/api/services?sort=-status&pageSize=50&facts=none");
    expect(res.status()).toBe(200);
    const quick = await res.json();
    expect(quick.total).toBe(full.total);
    expect(quick.regions).toEqual(full.regions);
    const strip = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== "health" && k !== "cause"));
    expect(quick.items).toEqual(full.items.map(strip));
    expect(quick.items.some((r: Record<string, unknown>) => "health" in r)).toBe(false);

    const refused = await page.request.get("/api/services?sort=health&facts=none");
    expect(refused.status()).toBe(400);
    const body = await refused.json();
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.fields).toEqual({ facts: "must be left out when the list is filtered or sorted by health: health is known only once each role's facts are read" });
  });
});
