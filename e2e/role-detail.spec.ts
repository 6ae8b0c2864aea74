import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { e2eEnv } from "../playwright.config";
import { signIn } from "./fixtures/auth";
import { REQUEST_ID } from "../tests/support/request-id";

const decision = (page: Page) => page.getByTestId("sim-decision");
const lintRow = (page: Page, code: string) => page.getByTestId("lint-findings").locator(`tr[data-code="${code}"]`);

async function simulate(page: Page, action: string, resource: string) {
  await page.getByLabel("Action", { exact: true }).fill(action);
  await page.getByLabel("Resource", { exact: true }).fill(resource);
  await page.getByLabel("Resource", { exact: true }).press("Enter");
}

test.describe("role detail", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "alice");
  });

  test("eas-oss-reader: EAS trusted and highlighted, OSS reads allowed, used and passable", async ({ page }) => {
    await page.goto("/roles/eas-oss-reader");
    await expect(page.getByRole("heading", { level: 1, name: "eas-oss-reader" })).toBeVisible();
    await expect(page.getByTestId("eas-assume")).toHaveText("EAS can assume");
    await expect(page.getByTestId("role-arn")).toHaveText(/^acs:ram::\d+:role\/eas-oss-reader$/);

    // The graph: the EAS principal and the role, joined by one Allow edge; EAS stands out.
    await expect(page.locator("#trust-panel").locator(".react-flow__node")).toHaveCount(2);
    const eas = page.locator("#trust-panel").locator('.react-flow__node[data-id="eas.pai.aliyuncs.com"]');
    await expect(eas).toBeVisible();
    await expect(eas).toHaveClass(/eas-principal/);
    await expect(page.locator("#trust-panel").locator(".react-flow__edge")).toHaveCount(1);
    const [easBox, roleBox] = await Promise.all([eas.boundingBox(), page.locator("#trust-panel").locator('.react-flow__node[data-id="role:eas-oss-reader"]').boundingBox()]);
    expect(easBox!.x).toBeLessThan(roleBox!.x);
    // The text list carries the same principal for everyone.
    await expect(page.getByTestId("trust-principals").locator('tr[data-principal="eas.pai.aliyuncs.com"]')).toContainText("Allow");

    // The matrix: oss Get*/List* on every resource, allowed, each cell linked to its statement.
    const matrix = page.getByTestId("permission-matrix");
    for (const action of ["oss:Get*", "oss:List*"]) {
      const cell = matrix.locator(`tr[data-action="${action}"] td[data-effect="Allow"]`);
      await expect(cell).toHaveCount(1);
      await expect(cell.getByRole("link")).toHaveAttribute("href", "#policy-AliyunOSSReadOnlyAccess-s0");
    }
    await expect(matrix.locator('td[data-effect="Deny"]')).toHaveCount(0);
    await expect(page.locator("#policy-AliyunOSSReadOnlyAccess-s0")).toBeAttached();

    await expect(page.getByTestId("role-services").getByRole("link", { name: "image-tagger" })).toHaveAttribute("href", /^\/services\/[a-z0-9-]+\/image-tagger$/);
    await expect(page.getByTestId("role-passers")).toContainText("bob");
    await expect(page.getByTestId("role-passers")).not.toContainText("carol");

    await page.screenshot({ path: "e2e/screens/role-detail-eas-oss-reader.png", fullPage: true });
  });

  test("ecs-batch-role: EAS cannot assume, and lint says why", async ({ page }) => {
    await page.goto("/roles/ecs-batch-role");
    await expect(page.getByTestId("eas-assume")).toHaveText("EAS cannot assume");
    await expect(page.locator("#trust-panel").locator('.react-flow__node[data-id="ecs.aliyuncs.com"]')).toBeVisible();
    await expect(page.locator("#trust-panel").locator('.react-flow__node[data-id="eas.pai.aliyuncs.com"]')).toHaveCount(0);
    const row = lintRow(page, "TRUST_MISSING_EAS");
    await expect(row).toContainText("Error");
    await expect(row).toContainText("Trust policy");
    // Its location link lands inside the trust policy's JSON, on a highlighted line.
    const href = await row.getByRole("link").getAttribute("href");
    expect(href).toMatch(/^#trust-policy-L\d+$/);
    await expect(page.locator(`${href!}`).locator("xpath=..")).toHaveAttribute("data-lint", "error");
    await expect(page.getByTestId("role-services")).toContainText("churn-predictor");
    await page.screenshot({ path: "e2e/screens/role-detail-ecs-batch-role.png", fullPage: true });
  });

  test("simulator answers known cases and its URL survives a reload", async ({ page }) => {
    await page.goto("/roles/eas-oss-reader");
    await simulate(page, "oss:GetObject", "acs:oss:*:*:images/cat.jpg");
    await expect(decision(page)).toHaveText("Allow");
    await expect(page.getByTestId("sim-statements")).toContainText("AliyunOSSReadOnlyAccess, statement 0");
    await expect(page).toHaveURL(/\?action=oss%3AGetObject&resource=acs%3Aoss%3A\*%3A\*%3Aimages%2Fcat\.jpg#simulator$/);

    await page.reload();
    await expect(page.getByLabel("Action", { exact: true })).toHaveValue("oss:GetObject");
    await expect(page.getByLabel("Resource", { exact: true })).toHaveValue("acs:oss:*:*:images/cat.jpg");
    await expect(decision(page)).toHaveText("Allow");

    await simulate(page, "oss:PutObject", "acs:oss:*:*:images/cat.jpg");
    await expect(decision(page)).toHaveText("Implicit deny");
    await expect(page.getByTestId("sim-result")).toContainText("No statement allows this request");

    // Presets fill and run at once.
    await page.getByRole("button", { name: "Pull a custom image" }).click();
    await expect(page.getByLabel("Action", { exact: true })).toHaveValue("cr:PullRepository");
    await expect(decision(page)).toHaveText("Implicit deny");
  });

  test("simulator names the fields that are wrong", async ({ page }) => {
    await page.goto("/roles/eas-oss-reader");
    await page.getByLabel("Action", { exact: true }).fill("GetObject");
    await page.getByLabel("acs:SourceIp").fill("300.1.1.1");
    await page.getByRole("button", { name: "Simulate" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "need attention" });
    await expect(alert).toContainText("Action must look like service:Action");
    await expect(alert).toContainText("Resource is required.");
    await expect(alert).toContainText("acs:SourceIp must be an IPv4 or IPv6 address.");
    await expect(page.getByLabel("Action", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Action", { exact: true })).toBeFocused();
  });

  test("data-pipeline: the Deny guard rail wins, the account-wide trust is flagged", async ({ page }) => {
    await page.goto("/roles/data-pipeline?action=oss:DeleteObject&resource=acs:oss:*:*:models/old.bin");
    await expect(decision(page)).toHaveText("Explicit deny");
    await expect(page.getByTestId("sim-statements").getByRole("link")).toHaveText(["deny-oss-delete, statement 0"]);
    await expect(page.getByTestId("sim-statements").getByRole("link")).toHaveAttribute("href", "#policy-deny-oss-delete-s0");

    await simulate(page, "oss:PutObject", "acs:oss:*:*:models/new.bin");
    await expect(decision(page)).toHaveText("Allow");
    await expect(page.getByTestId("sim-statements")).toContainText("oss-models-rw");

    await expect(lintRow(page, "TRUST_ACCOUNT_ROOT")).toContainText("Warning");
    await expect(page.locator("#trust-panel").locator(".react-flow__node")).toHaveCount(3);
    await expect(page.locator("#trust-panel").locator('.react-flow__node[data-id$=":root"]')).toBeVisible();
    await expect(page.getByTestId("permission-matrix").locator('tr[data-action="oss:DeleteObject"] td[data-effect="Deny"]')).toHaveCount(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "e2e/screens/role-detail-data-pipeline.png", fullPage: true });
  });

  test("legacy-admin: the expired condition is found and marked in its JSON", async ({ page }) => {
    await page.goto("/roles/legacy-admin");
    await expect(page.getByTestId("eas-assume")).toHaveText("EAS cannot assume");
    const row = lintRow(page, "EXPIRED_CONDITION");
    await expect(row).toContainText("temp-debug-access");
    const href = await row.getByRole("link").getAttribute("href");
    expect(href).toMatch(/^#policy-temp-debug-access-L\d+$/);
    await expect(page.locator(`${href!}`).locator("xpath=..")).toHaveAttribute("data-lint", "warning");
    await expect(page.locator(`${href!}`).locator("xpath=..")).toContainText("acs:CurrentTime");
  });

  test("an unknown role shows RAM's error code and RequestId", async ({ page }) => {
    await page.goto("/roles/no-such-role");
    const alert = page.getByRole("alert").filter({ hasText: "EntityNotExist.Role" });
    await expect(alert).toContainText("Role no-such-role does not exist");
    await expect(alert).toContainText("EntityNotExist.Role");
    await expect(alert).toContainText(/RequestId: \S+/);
    await page.screenshot({ path: "e2e/screens/role-detail-not-found.png", fullPage: true });

    const api = await page.request.get("/api/roles/no-such-role");
    expect(api.status()).toBe(404);
    expect((await api.json()).error).toMatchObject({ code: "not_found", cloud: { code: "EntityNotExist.Role", requestId: expect.stringMatching(REQUEST_ID) } });
  });

  test("a name RAM could never accept is refused before any cloud call", async ({ page }) => {
    await page.goto("/roles/bad%20name!");
    await expect(page.getByRole("alert").filter({ hasText: "A role name is 1–64" })).toBeVisible();
  });

  test("a failed cloud call shows its code and RequestId", async ({ page, request, baseURL }) => {
    const fault = { operation: "ListPoliciesForRole", errorRate: 1, errorCode: "NoPermission", httpStatus: 403 };
    expect((await request.put(`${e2eEnv.EMULATOR_URL}/_emulator/faults`, { data: fault })).status()).toBe(200);
    try {
      // Other pages (the access paths of any role) may have read this role's policies already.
      const refresh = await page.request.post("/api/refresh", { data: { what: "role", name: "eas-nas-image" }, headers: { origin: baseURL! } });
      expect(refresh.status()).toBe(200);
      await page.goto("/roles/eas-nas-image");
      const alert = page.getByRole("alert").filter({ hasText: "The role could not be loaded" });
      await expect(alert).toContainText("NoPermission");
      await expect(alert).toContainText(/RequestId: \S+/);
    } finally {
      await request.delete(`${e2eEnv.EMULATOR_URL}/_emulator/faults`);
    }
  });

  test("the JSON API returns the same facts", async ({ page }) => {
    const res = await page.request.get("/api/roles/ecs-batch-role");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.trust.easCanAssume).toBe(false);
    expect(body.trust.lint.map((f: { code: string }) => f.code)).toContain("TRUST_MISSING_EAS");
    expect(body.policies.map((p: { name: string }) => p.name)).toEqual(["AliyunOSSReadOnlyAccess"]);
  });

  for (const role of ["eas-oss-reader", "data-pipeline"]) {
    test(`${role} has no serious or critical accessibility violation`, async ({ page }) => {
      await page.goto(`/roles/${role}?action=oss:GetObject&resource=acs:oss:*:*:models/a.bin`);
      await expect(page.locator("#trust-panel").locator(".react-flow__node").first()).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
});

test("the role API refuses anonymous callers", async ({ request }) => {
  const res = await request.get("/api/roles/eas-oss-reader");
  expect(res.status()).toBe(401);
});
