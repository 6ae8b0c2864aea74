import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";
import { test as cloudTest } from "./fixtures/cloud";

// A list opened from an address holding a value it cannot use (a stale link, a typo) shows its
// default for that value and says so in a sentence, instead of failing whole.

const names = (page: import("@playwright/test").Page) => page.locator("tbody tr td:first-child a");

test.describe("bad values in a list's address", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "bob");
  });

  test("the services list keeps the filters it can use, drops the others from the address and says why", async ({ page }) => {
    const res = await page.goto("/services?mode=sideways&status=Failed&pageSize=500&page=abc");
    expect(res?.status()).toBe(200);
    const notice = page.getByTestId("refused-params");
    await expect(notice).toContainText("Part of this address could not be used, so the list shows its defaults for it.");
    await expect(notice).toContainText("mode=sideways");
    await expect(notice).toContainText("The role mode must be one of none, default, or custom.");
    await expect(notice).toContainText("The number of rows per page must be at most 100.");
    await expect(notice).toContainText("The page number must be a whole number.");
    // No developer wording anywhere on the page.
    await expect(page.locator("body")).not.toContainText(/Invalid option|Too big|expected one of/);
    await expect(page.getByRole("alert").filter({ hasText: "could not be loaded" })).toHaveCount(0);

    // The list is the cloud's answer to the filter that was kept.
    await expect(page).toHaveURL(/\/services\?status=Failed$/);
    const api = (await (await page.request.get("/api/services?status=Failed&pageSize=100")).json()) as { items: { name: string }[] };
    expect(api.items.length).toBeGreaterThan(0);
    await expect(names(page)).toHaveText(api.items.map((s) => s.name));
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("Failed");
    await expect(page.getByLabel("Role mode")).toHaveValue("");

    await page.screenshot({ path: "e2e/screens/services-bad-params.png", fullPage: true });
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await expect(notice).toBeHidden();
  });

  test("the roles list does the same, a search longer than the server takes included", async ({ page }) => {
    await page.goto(`/roles?eas=maybe&q=${"x".repeat(201)}&sort=-name`);
    const notice = page.getByTestId("refused-params");
    await expect(notice).toContainText("The EAS filter must be one of yes or no.");
    await expect(notice).toContainText("The search must be at most 200 characters.");
    await expect(page).toHaveURL(/\/roles\?sort=-name$/);
    const api = (await (await page.request.get("/api/roles?sort=-name")).json()) as { items: { name: string }[] };
    await expect(names(page)).toHaveText(api.items.map((r) => r.name));
    // The API itself stays strict, naming the field and the rule in words.
    const strict = await page.request.get("/api/roles?eas=maybe");
    expect(strict.status()).toBe(400);
    expect((await strict.json()).error.fields).toEqual({ eas: "must be one of yes or no" });
  });

  test("a good address gets no notice", async ({ page }) => {
    await page.goto("/services?mode=custom");
    await expect(names(page).first()).toBeVisible();
    await expect(page.getByTestId("refused-params")).toHaveCount(0);
    await expect(page).toHaveURL(/\?mode=custom$/);
  });
});

cloudTest.describe("roles while EAS cannot be read", () => {
  cloudTest("the roles are listed, with a notice naming the cloud's code and RequestId", async ({ page, cloud, baseURL }) => {
    await signIn(page, "bob");
    await cloud.control("PUT", "/_emulator/faults", { operation: "ListServices", errorRate: 1, errorCode: "NoPermission", httpStatus: 403 });
    await page.request.post("/api/refresh", { data: { what: "roles" }, headers: { origin: baseURL! } });
    await page.goto("/roles");
    const notice = page.getByTestId("usage-unavailable");
    await expect(notice).toContainText("The services could not be read from EAS, so no role shows which services use it.");
    await expect(notice).toContainText("NoPermission");
    await expect(notice).toContainText(/RequestId: [0-9A-F-]{36}/);
    // Everything RAM holds is still there.
    await expect(page.getByTestId("role-row-eas-oss-reader")).toBeVisible();
    // Which services use a role is not known now, which is not the same as none.
    await expect(page.getByTestId("role-row-eas-oss-reader")).toContainText("Not known");
    await page.screenshot({ path: "e2e/screens/roles-without-eas.png", fullPage: true });

    await cloud.control("DELETE", "/_emulator/faults");
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(notice).toBeHidden();
    await expect(page.getByTestId("role-row-eas-oss-reader")).toContainText("image-tagger");
  });
});
