import { expect, test } from "./fixtures/cloud";

// The cloud misbehaving as it does on a bad day: one call in five fails, half of those by
// throttling and half with a 5xx, every call slowed by 100–300 ms. The emulator's fault API
// takes one fault per operation (or `*`), so the mix is spread over the operations /roles calls.
const MIX = [
  { operation: "*", latencyMs: 200, errorRate: 0.2, errorCode: "Throttling.User", httpStatus: 400 },
  { operation: "ListRoles", latencyMs: 150, errorRate: 0.2, errorCode: "InternalError", httpStatus: 500 },
  { operation: "GetRole", latencyMs: 100, errorRate: 0.2, errorCode: "ServiceUnavailable", httpStatus: 503 },
  { operation: "ListPoliciesForRole", latencyMs: 300, errorRate: 0.2, errorCode: "Throttling.User", httpStatus: 400 },
  { operation: "ListUsers", latencyMs: 250, errorRate: 0.2, errorCode: "InternalError", httpStatus: 500 },
  { operation: "ListServices", latencyMs: 300, errorRate: 0.2, errorCode: "ServiceUnavailable", httpStatus: 503 },
];
const LOADS = 20;

type Stats = { total: number; calls: Record<string, number> };

test.describe("a faulty cloud", () => {
  test("/roles loads 20 of 20 times when 20% of RAM and EAS calls fail and each is slow", async ({ page, cloud, baseURL }) => {
    test.setTimeout(300_000);
    await page.request.post("/api/auth/login", { data: { username: "bob", password: "bob-demo-pass" } });
    const refresh = async () => {
      for (const what of ["roles", "services"]) expect((await page.request.post("/api/refresh", { data: { what }, headers: { origin: baseURL! } })).status()).toBe(200);
    };
    const statuses: number[] = [];
    page.on("response", (r) => {
      if (new URL(r.url()).pathname === "/api/roles") statuses.push(r.status());
    });

    // One clean load, to know how many calls a load makes.
    await cloud.control("DELETE", "/_emulator/stats");
    await refresh();
    await page.goto("/roles");
    await expect(page.getByTestId("role-row-eas-oss-reader")).toBeVisible();
    const clean = (await cloud.control("GET", "/_emulator/stats")) as unknown as Stats;

    for (const fault of MIX) await cloud.control("PUT", "/_emulator/faults", fault);
    await cloud.control("DELETE", "/_emulator/stats");
    for (let i = 0; i < LOADS; i++) {
      await refresh();
      await page.goto("/roles");
      await expect(page.getByTestId("role-row-eas-oss-reader")).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId("role-row-data-pipeline")).toContainText("batch-scorer");
    }
    // Every answer the browser got was a success, and the faults did fire: retries added calls.
    expect(statuses.length).toBeGreaterThanOrEqual(LOADS + 1);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const faulty = (await cloud.control("GET", "/_emulator/stats")) as unknown as Stats;
    expect(faulty.total).toBeGreaterThan(LOADS * clean.total);
  });

  test("when ListServices fails, /api/roles still lists the roles and marks usage unavailable", async ({ page, cloud }) => {
    await cloud.control("PUT", "/_emulator/faults", { operation: "ListServices", errorRate: 1, errorCode: "ServiceUnavailable", httpStatus: 503 });
    await page.request.post("/api/auth/login", { data: { username: "bob", password: "bob-demo-pass" } });
    const res = await page.request.get("/api/roles");
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { items: { name: string; usedBy: unknown[] }[]; usage: { available: boolean; error?: { code: string } } };
    expect(body.usage).toMatchObject({ available: false, error: { code: "ServiceUnavailable" } });
    expect(body.items.map((r) => r.name)).toContain("eas-oss-reader");
    await page.goto("/roles");
    await expect(page.getByTestId("role-row-eas-oss-reader")).toBeVisible();
  });

  test("cloud throttling reaches the browser as 429 with Retry-After and the cloud's code", async ({ page, cloud }) => {
    await cloud.control("PUT", "/_emulator/faults", { operation: "ListRoles", errorRate: 1, errorCode: "Throttling.User", httpStatus: 400 });
    await cloud.control("DELETE", "/_emulator/stats");
    await page.request.post("/api/auth/login", { data: { username: "bob", password: "bob-demo-pass" } });
    const res = await page.request.get("/api/roles");
    expect(res.status()).toBe(429);
    expect(Number(res.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(await res.json()).toMatchObject({ error: { code: "cloud_throttled", cloud: { code: "Throttling.User" } } });
    const stats = (await cloud.control("GET", "/_emulator/stats")) as unknown as Stats;
    // Retried within the budget, then given up: more than one call, a bounded number.
    expect(stats.calls.ListRoles).toBeGreaterThan(1);
    expect(stats.calls.ListRoles).toBeLessThanOrEqual(7);
  });
});
