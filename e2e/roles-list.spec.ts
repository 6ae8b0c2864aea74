import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures/auth";

const row = (page: Page, name: string) => page.getByTestId(`role-row-${name}`);

test.describe("roles list", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "bob");
  });

  test("shows trust, EAS can assume, policies, users of each role and who can pass it", async ({ page }) => {
    await page.goto("/roles");
    await expect(page.getByRole("heading", { level: 1, name: "Roles" })).toBeVisible();
    const ecs = row(page, "ecs-batch-role");
    await expect(ecs).toContainText("ecs.aliyuncs.com");
    await expect(ecs.getByText("No", { exact: true })).toBeVisible();
    await expect(ecs).toContainText("churn-predictor");

    const pipeline = row(page, "data-pipeline");
    await expect(pipeline).toContainText("eas.pai.aliyuncs.com");
    await expect(pipeline).toContainText(/acs:ram::\d+:root/);
    await expect(pipeline).toContainText("oss-models-rw");
    await expect(pipeline).toContainText("deny-oss-delete");
    await expect(pipeline).toContainText("batch-scorer");

    const reader = row(page, "eas-oss-reader");
    await expect(reader.getByText("Yes", { exact: true })).toBeVisible();
    await expect(reader).toContainText("image-tagger");
    await expect(reader).toContainText("alice");
    await expect(reader).toContainText("bob");
    await expect(row(page, "eas-restricted")).not.toContainText("bob");
    await expect(row(page, "AliyunServiceRoleForPaiEas")).toContainText("fraud-detector");

    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.screenshot({ path: "e2e/screens/roles.png", fullPage: true });
  });

  test("the EAS filter and the sort survive a reload, and links navigate", async ({ page }) => {
    await page.goto("/roles");
    await page.getByLabel("EAS can assume").selectOption("no");
    await expect(page).toHaveURL(/eas=no/);
    const names = page.locator("tbody tr td:first-child a");
    await expect(names).toHaveText(["ecs-batch-role", "legacy-admin"]);
    await page.getByRole("link", { name: "Sort by Role" }).click();
    await expect(page).toHaveURL(/sort=-name/);
    await expect(names).toHaveText(["legacy-admin", "ecs-batch-role"]);
    await page.reload();
    await expect(page.getByLabel("EAS can assume")).toHaveValue("no");
    await expect(names).toHaveText(["legacy-admin", "ecs-batch-role"]);

    await row(page, "ecs-batch-role").getByRole("link", { name: "churn-predictor" }).click();
    await expect(page).toHaveURL(/\/services\/cn-hangzhou\/churn-predictor$/);
    await page.goBack();
    await names.filter({ hasText: "ecs-batch-role" }).click();
    await expect(page).toHaveURL(/\/roles\/ecs-batch-role$/);
  });
});
