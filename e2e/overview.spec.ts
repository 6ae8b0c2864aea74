import type { APIRequestContext, Page } from "@playwright/test";
import type { PassRoleRequestView } from "../lib/approvals/types";
import { signIn, signInRequest, type DemoUserName } from "./fixtures/auth";
import { createServiceAs, grantInRam, serviceConfig } from "./fixtures/approvals-cloud";
import { expect, seededTest as test } from "./fixtures/cloud";

// The overview is where an admin starts the day: what fails, which roles EAS cannot use, what
// lint flags, and what waits on PassRole, each linking to the list filtered to it. Every test
// reads the demo account as seeded, so the emulator is reset before each (seededTest).

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
] as const;

type Playwright = { request: { newContext(o: { baseURL?: string }): Promise<APIRequestContext> } };

async function apiAs(playwright: Playwright, baseURL: string, user: DemoUserName) {
  const ctx = await playwright.request.newContext({ baseURL });
  await signInRequest(ctx, user);
  return ctx;
}

/** Ends every open request, so each test starts with none waiting and no grant held. */
async function closeOpenRequests(playwright: Playwright, baseURL: string): Promise<void> {
  const alice = await apiAs(playwright, baseURL, "alice");
  const open = (await (await alice.get("/api/passrole-requests")).json()) as { requests: PassRoleRequestView[] };
  for (const r of open.requests.filter((x) => x.state === "granted")) await alice.post(`/api/passrole-requests/${r.id}/revoke`, { data: {}, headers: { origin: baseURL } });
  for (const user of ["alice", "bob", "carol"] as const) {
    const ctx = user === "alice" ? alice : await apiAs(playwright, baseURL, user);
    const mine = (await (await ctx.get("/api/passrole-requests?state=pending&mine=true")).json()) as { requests: PassRoleRequestView[] };
    for (const r of mine.requests) await ctx.post(`/api/passrole-requests/${r.id}/cancel`, { headers: { origin: baseURL } });
  }
}

const panel = (page: Page, name: string) => page.getByRole("region", { name });


test.describe("overview", () => {
  test.beforeEach(async ({ playwright, baseURL }) => {
    await closeOpenRequests(playwright, baseURL!);
  });

  test("failing services by status and cause match the cloud, each group links to its fleet group, and a new failure shows", async ({ page, cloud, baseURL }) => {
    await signIn(page, "alice");
    type Row = { name: string; status: string; cause?: { code: string } };
    const failed = async () => ((await (await page.request.get("/api/services?status=Failed&pageSize=100")).json()) as { total: number; items: Row[] });
    const withCause = (rows: Row[], code: string) => rows.filter((r) => r.cause?.code === code);
    const before = await failed();
    expect(before.total).toBeGreaterThan(0);
    await page.goto("/");
    const failing = panel(page, "Failing services");
    const trust = failing.getByTestId("failing-Failed-TRUST_MISSING_EAS");
    const untrusted = withCause(before.items, "TRUST_MISSING_EAS");
    expect(untrusted.length).toBeGreaterThan(0);
    await expect(trust).toContainText(String(untrusted.length));
    await expect(trust).toContainText(untrusted.map((s) => s.name).sort()[0]);
    // The cause reads as the list reads it, its code in small type beside it; the panel counts failing of all.
    await expect(trust.locator('[data-cause-badge="TRUST_MISSING_EAS"]')).toContainText("EAS cannot assume");
    await expect(trust.locator('[data-cause-badge="TRUST_MISSING_EAS"] code')).toHaveText("TRUST_MISSING_EAS");
    const all = ((await (await page.request.get("/api/services?pageSize=1")).json()) as { total: number }).total;
    const failingTotal = ((await (await page.request.get("/api/services?pageSize=100")).json()) as { items: Row[] }).items.filter((r) => ["Failed", "DeleteFailed", "Waiting"].includes(r.status)).length;
    await expect(failing.locator("header")).toContainText(`${failingTotal} of ${all} services`);
    // Every failed service is counted in exactly one group of its status.
    const counts = await failing.locator('[data-testid^="failing-Failed"] td.tabular-nums').allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(before.total);

    // A service deployed now with a role EAS cannot assume fails, and the overview counts it under its cause.
    await createServiceAs("alice", serviceConfig("overview-probe", "ecs-batch-role"));
    await cloud.settle();
    await page.request.post("/api/refresh", { data: { what: "services" }, headers: { origin: baseURL! } });
    await page.reload();
    await expect(trust).toContainText(String(untrusted.length + 1));
    expect(withCause((await failed()).items, "TRUST_MISSING_EAS").map((s) => s.name)).toContain("overview-probe");

    await trust.getByRole("link", { name: `Show the ${untrusted.length + 1} services failing with EAS cannot assume in the fleet view` }).click();
    await expect(page).toHaveURL(/\/issues#cause-TRUST_MISSING_EAS$/);
    await expect(page.locator("#cause-TRUST_MISSING_EAS")).toContainText("overview-probe");
  });

  test("roles EAS cannot assume, with the services they break, and security warnings from lint", async ({ page }) => {
    await signIn(page, "bob");
    await page.goto("/");
    const roles = panel(page, "Roles EAS cannot assume");
    await expect(roles.getByTestId("unassumable-ecs-batch-role")).toContainText("churn-predictor");
    await roles.getByRole("link", { name: /^Show all \d+$/ }).click();
    await expect(page).toHaveURL(/\/roles\?eas=no$/);
    const api = (await (await page.request.get("/api/roles?eas=no")).json()) as { items: { name: string }[] };
    await expect(page.locator("tbody tr td:first-child a")).toHaveText(api.items.map((r) => r.name));

    await page.goto("/");
    const security = panel(page, "Security warnings");
    const passRole = security.locator('tr[data-finding="PASSROLE_ANY_RESOURCE"]');
    await expect(passRole).toContainText("AliyunRAMFullAccess");
    await expect(passRole).toContainText("Security warning");
    await expect(passRole).toContainText("role legacy-admin");
    await expect(passRole).toContainText("RAM user alice");
    const root = security.locator('tr[data-finding="TRUST_ACCOUNT_ROOT"]').filter({ hasText: "data-pipeline" });
    await root.getByRole("link", { name: "Trust policy of data-pipeline" }).click();
    await expect(page).toHaveURL(/\/roles\/data-pipeline#lint$/);
    await expect(page.getByTestId("lint-findings")).toContainText("TRUST_ACCOUNT_ROOT");
  });

  test("pending requests and grants about to end: everyone's for alice, linking to Approvals filtered to them; bob's own for bob", async ({ page, playwright, baseURL }) => {
    const bob = await apiAs(playwright, baseURL!, "bob");
    const alice = await apiAs(playwright, baseURL!, "alice");
    const ask = async (roleName: string, duration: string) =>
      ((await (await bob.post("/api/passrole-requests", { data: { roleName, reason: "overview check", duration }, headers: { origin: baseURL! } })).json()) as { id: string }).id;
    const waiting = await ask("eas-nas-image", "7d");
    const granted = await ask("eas-llm-serving", "1d");
    const approved = (await (await alice.post(`/api/passrole-requests/${granted}/approve`, { data: {}, headers: { origin: baseURL! } })).json()) as PassRoleRequestView;
    expect(approved.state).toBe("granted");
    expect(await grantInRam(approved.grant.policyName, "bob")).toMatchObject({ attached: true });

    await signIn(page, "alice");
    await page.goto("/");
    const passrole = panel(page, "PassRole requests");
    await expect(passrole.getByTestId("passrole-pending")).toContainText("1 request waits for a decision.");
    await expect(passrole.getByTestId("passrole-pending")).toContainText("bob → eas-nas-image, asked by bob");
    await expect(passrole.getByTestId("passrole-expiring")).toContainText("1 grant ends in the next three days.");
    await expect(passrole.getByTestId("passrole-expiring")).toContainText(`bob → eas-llm-serving, ends ${approved.expiresAt!.slice(0, 16).replace("T", " ")} UTC`);
    await passrole.getByRole("link", { name: "Show grants" }).click();
    await expect(page).toHaveURL(/\/approvals\?state=granted$/);
    await expect(page.getByRole("button", { name: "Granted" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator(`tr[data-request="${granted}"]`)).toBeVisible();
    await page.goto("/");
    await panel(page, "PassRole requests").getByRole("link", { name: "Open approvals" }).click();
    await expect(page).toHaveURL(/\/approvals$/);
    await expect(page.locator(`tr[data-request="${waiting}"]`)).toBeVisible();

    await signIn(page, "bob");
    await page.goto("/");
    const mine = panel(page, "Your PassRole requests");
    await expect(mine.getByTestId("passrole-pending")).toContainText("1 of your requests waits for a decision.");
    await expect(mine.getByRole("link", { name: "Open approvals" })).toHaveCount(0);
    await expect(mine.getByRole("link", { name: "Open your requests" }).first()).toHaveAttribute("href", "/requests");
    await bob.dispose();
    await alice.dispose();
  });

  test("an engineer sees no admin section's data, and a panel whose cloud read fails says so while the others show", async ({ page, cloud }) => {
    await signIn(page, "carol");
    await cloud.control("PUT", "/_emulator/faults", { operation: "ListGroups", errorRate: 1, errorCode: "NoPermission", httpStatus: 403 });
    await page.goto("/");
    await expect(panel(page, "Failing services").locator('[data-testid^="failing-Failed"]').first()).toBeVisible();
    const security = panel(page, "Security warnings");
    await expect(security.getByRole("alert")).toContainText("NoPermission");
    await expect(security.getByRole("alert")).toContainText(/RequestId: \S+/);
    await expect(panel(page, "Your PassRole requests")).toBeVisible();
    await expect(page.getByRole("region", { name: "PassRole requests", exact: true })).toHaveCount(0);
    // The services list shows every service; the one whose deployer's groups it could not read says so.
    await page.goto("/services");
    const chat = page.getByTestId("service-row-chat-summarizer");
    await expect(chat.locator("[data-health-codes]")).toHaveAttribute("data-health-codes", /\bFACTS_UNREAD\b/);
    await expect(chat).toContainText("Not fully checked");
    await expect(chat).not.toContainText("Redeploy pending");
    await expect(page.getByTestId("service-row-fraud-detector")).toContainText("Healthy");
    await page.screenshot({ path: "e2e/screens/services-facts-unread.png" });
  });

  for (const viewport of VIEWPORTS) {
    test(`overview screen at ${viewport.width}×${viewport.height}`, async ({ page }) => {
        await page.setViewportSize(viewport);
      await signIn(page, "alice");
      await page.goto("/");
      await expect(panel(page, "Security warnings").locator("tbody tr").first()).toBeVisible();
      await expect(panel(page, "PassRole requests")).toBeVisible();
      // Every panel's table fits its card.
      for (const table of await page.locator("main table").all()) {
        expect(await table.locator("xpath=..").evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      }
      await page.screenshot({ path: `e2e/screens/overview-${viewport.width}.png`, fullPage: true });
    });
  }
});
