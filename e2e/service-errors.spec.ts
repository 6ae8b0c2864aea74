import { expect, test } from "./fixtures/cloud";
import { signIn } from "./fixtures/auth";
import { REQUEST_ID } from "../tests/support/request-id";

// A cloud that refuses one read: the service page keeps every panel that does not need it, and
// each panel that does says which call failed, which RAM action it needed, and offers a retry.
test.describe("errors that keep their context", () => {
  test("with ListRoles refused, each RAM panel fails on its own and names ram:ListRoles; the rest stays", async ({ page, cloud }) => {
    await signIn(page, "bob");
    await cloud.control("PUT", "/_emulator/faults", { operation: "ListRoles", errorRate: 1, errorCode: "NoPermission", httpStatus: 403 });
    const nav = await page.goto("/services/cn-hangzhou/fraud-detector");
    expect(nav?.status()).toBe(200);

    for (const id of ["diagnosis-panel", "chain", "needs"]) {
      const panel = page.locator(`section#${id}`);
      const error = panel.getByTestId("panel-error");
      await expect(error).toContainText("ListRoles: the console's credentials lack ram:ListRoles");
      await expect(error).toContainText("NoPermission");
      expect(await error.getByRole("alert").locator("code").last().textContent()).toMatch(REQUEST_ID);
      await expect(error.getByRole("button", { name: "Try again" })).toBeVisible();
    }
    // What needs no role data is still there.
    await expect(page.locator("section#overview")).toContainText("Running");
    await expect(page.locator("section#events tbody tr").first()).toBeVisible();
    await expect(page.locator("section#config [data-ram-field]").first()).toBeVisible();

    // Once RAM answers again, Try again brings the role chain back.
    await cloud.control("DELETE", "/_emulator/faults");
    await page.locator("section#chain").getByRole("button", { name: "Try again" }).click();
    await expect(page.locator("section#chain").getByTestId("panel-error")).toHaveCount(0);
    await expect(page.locator("section#chain")).toContainText("eas.pai.aliyuncs.com");
  });
});
