import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures/auth";
import { REQUEST_ID } from "../tests/support/request-id";

const row = (page: Page, name: string) => page.getByTestId(`service-row-${name}`);

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("services", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "bob");
  });

  test("lists the demo services with their role mode and role health", async ({ page }) => {
    await page.goto("/services?pageSize=50");
    await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
    await expect(row(page, "fraud-detector")).toContainText("PAI default role");
    await expect(row(page, "fraud-detector")).toContainText("Method 1");
    await expect(row(page, "fraud-detector")).toContainText("Running");
    await expect(row(page, "fraud-detector")).toContainText("Healthy");
    await expect(row(page, "churn-predictor")).toContainText("ecs-batch-role");
    await expect(row(page, "churn-predictor")).toContainText("EAS cannot assume");
    await expect(row(page, "search-embedder")).toContainText("Role missing");
    await expect(row(page, "recsys-ranker")).toContainText("No workspace_id");
    // A failed service is never Healthy: mounts, images and the deployer's PassRole count too.
    await expect(row(page, "ocr-pipeline")).toContainText("Mount denied");
    await expect(row(page, "speech-asr")).toContainText("Image pull denied");
    await expect(row(page, "chat-summarizer")).toContainText("PassRole denied");
    for (const name of ["ocr-pipeline", "speech-asr", "chat-summarizer", "churn-predictor", "search-embedder", "recsys-ranker"]) await expect(row(page, name)).not.toContainText("Healthy");
    await expect(row(page, "doc-classifier")).toContainText("No role");
    await expect(row(page, "sentiment-legacy")).toContainText("Stopped");
    await expect(page.getByText(/Data as of \d\d:\d\d:\d\d/)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: "e2e/screens/services.png", fullPage: true });
  });

  test("filters and sort live in the URL and survive a reload", async ({ page }) => {
    await page.goto("/services");
    await page.getByLabel("Role mode").selectOption("custom");
    await expect(page).toHaveURL(/mode=custom/);
    await page.getByLabel("Region", { exact: true }).selectOption("cn-hangzhou");
    await expect(page).toHaveURL(/region=cn-hangzhou/);
    await page.getByRole("link", { name: "Sort by Service" }).click();
    await expect(page).toHaveURL(/sort=-name/);
    const names = page.locator("tbody tr td:first-child a");
    await expect(names.first()).toHaveText("speech-asr");
    await expect(row(page, "fraud-detector")).toHaveCount(0);
    await expect(row(page, "doc-classifier")).toHaveCount(0);

    await page.reload();
    await expect(page.getByLabel("Role mode")).toHaveValue("custom");
    await expect(page.getByLabel("Region", { exact: true })).toHaveValue("cn-hangzhou");
    await expect(names.first()).toHaveText("speech-asr");
    await expect(page.locator("th[aria-sort=descending]")).toContainText("Service");
    expect(await names.allTextContents()).toEqual(["speech-asr", "search-embedder", "ocr-pipeline", "image-tagger", "churn-predictor", "chat-summarizer"]);

    await page.getByRole("searchbox", { name: "Search services" }).fill("churn");
    await expect(page).toHaveURL(/q=churn/);
    await expect(names).toHaveText(["churn-predictor"]);
    await page.reload();
    await expect(names).toHaveText(["churn-predictor"]);
  });

  test("pages through the list", async ({ page }) => {
    await page.goto("/services?pageSize=5");
    await expect(page.getByText("1–5 of 14")).toBeVisible();
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText("6–10 of 14")).toBeVisible();
  });

  test("a service links to its detail: role chain, needs, marked config and events", async ({ page }) => {
    await page.goto("/services?q=image-tagger");
    await row(page, "image-tagger").getByRole("link", { name: "image-tagger" }).click();
    await expect(page).toHaveURL(/\/services\/cn-hangzhou\/image-tagger$/);
    await expect(page.getByRole("heading", { level: 1, name: "image-tagger" })).toBeVisible();
    const chain = page.getByRole("list", { name: "Service, role, trust policy and attached policies" });
    await expect(chain).toContainText("eas-oss-reader");
    await expect(chain).toContainText("eas.pai.aliyuncs.com");
    await expect(chain).toContainText("EAS can assume");
    await expect(chain).toContainText("AliyunOSSReadOnlyAccess");
    await expect(page.locator('[data-ram-field="role_arn"]')).toContainText("acs:ram::");
    await expect(page.locator('[data-ram-field="options.enable_ram_role"]')).toContainText("true");
    await expect(page.getByRole("table", { name: "Deployment events" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: "e2e/screens/service-detail.png", fullPage: true });

    await chain.getByRole("link", { name: "eas-oss-reader" }).click();
    await expect(page).toHaveURL(/\/roles\/eas-oss-reader$/);
  });

  test("churn-predictor's detail shows the trust problem and its warning event", async ({ page }) => {
    await page.goto("/services/cn-hangzhou/churn-predictor");
    const chain = page.getByRole("list", { name: "Service, role, trust policy and attached policies" });
    await expect(chain).toContainText("EAS cannot assume");
    await expect(chain).toContainText("ecs.aliyuncs.com");
    await expect(page.locator('tr[data-event-type="Warning"]').first()).toBeVisible();
    // model_path is a need the role must meet.
    const needs = page.getByRole("table", { name: "What the service needs" });
    await expect(needs).toContainText("Model file from OSS");
    await expect(needs).toContainText("oss://models/churn/model.pmml");
  });

  test("an unknown service says so with EAS's code and RequestId, and its API answers 404 with the cloud's code", async ({ page }) => {
    const nav = await page.goto("/services/cn-hangzhou/no-such-service");
    expect(nav?.status()).toBe(404);
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("EAS has no service no-such-service in cn-hangzhou.");
    await expect(alert).toContainText("InvalidService.NotFound");
    expect(await alert.locator("code").last().textContent()).toMatch(REQUEST_ID);
    await expect(page.getByRole("link", { name: "Back to all services" })).toHaveAttribute("href", "/services");
    const unserved = await page.goto("/services/mars-north-1/foo");
    expect(unserved?.status()).toBe(404);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("mars-north-1 is not a region this console serves.");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("cn-hangzhou");
    expect((await page.request.get("/services/nowhere-1/image-tagger")).status()).toBe(404);
    const res = await page.request.get("/api/services/cn-hangzhou/no-such-service");
    expect(res.status()).toBe(404);
    const body = await res.json();
    expect(body.error.code).toBe("not_found");
    expect(body.error.cloud).toEqual({ code: "InvalidService.NotFound", requestId: expect.stringMatching(REQUEST_ID) });
    expect(res.headers()["cache-control"]).toBe("no-store");
  });

  test("the API refuses a bad filter with the field and rule", async ({ page }) => {
    const res = await page.request.get("/api/services?mode=sideways");
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.fields).toEqual({ mode: "must be one of none, default or custom" });
    expect(body.error.message).toBe("mode must be one of none, default or custom");
  });
});
