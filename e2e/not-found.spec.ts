import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";

const REQUEST_ID = /RequestId: [0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/;

test.describe("pages that are not there", () => {
  test("a role RAM does not have is an HTTP 404 that keeps RAM's code and RequestId, inside the console", async ({ page }) => {
    await signIn(page, "bob");
    const res = await page.goto("/roles/no-such-role");
    expect(res?.status()).toBe(404);
    const alert = page.getByRole("alert").filter({ hasText: "EntityNotExist.Role" });
    await expect(alert).toContainText("Role no-such-role does not exist");
    await expect(alert).toContainText(REQUEST_ID);
    await expect(page.getByTestId("user-menu")).toBeVisible();
    await expect(page.getByRole("heading", { name: "no-such-role" })).toBeVisible();
    await alert.getByRole("link", { name: "Back to roles" }).click();
    await expect(page).toHaveURL(/\/roles$/);
    // The API agrees, with the same cloud code.
    const api = await page.request.get("/api/roles/no-such-role");
    expect(api.status()).toBe(404);
    expect((await api.json()).error.cloud.code).toBe("EntityNotExist.Role");
    // A role that exists is still a 200.
    expect((await page.request.get("/roles/eas-oss-reader")).status()).toBe(200);
  });

  test("an unknown address keeps the console's frame and offers a way back", async ({ page }) => {
    await signIn(page, "alice");
    await page.goto("/services");
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByTestId("user-menu")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Roles" })).toBeVisible();
    await page.screenshot({ path: "e2e/screens/not-found.png", fullPage: true });
    await page.getByRole("button", { name: "Go back" }).click();
    await expect(page).toHaveURL(/\/services$/);
    await page.goto("/approvals/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByTestId("user-menu")).toBeVisible();
    await page.getByRole("link", { name: "Go to the overview" }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test("before sign-in, an unknown address offers the way to sign in", async ({ page }) => {
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await page.getByRole("link", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });
});
