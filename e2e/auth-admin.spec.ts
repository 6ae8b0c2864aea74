import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";

test.describe("user management and the audit log", () => {
  test("alice creates a user, changes its role, links a RAM user and disables it; each change is audited and the CSV matches", async ({ page }) => {
    const username = `erin${Date.now().toString(36)}`;
    await signIn(page, "alice");
    await page.goto("/admin/users");

    const form = page.getByRole("form", { name: "New user" });
    await form.getByLabel("Username").fill(username);
    await form.getByLabel("Name", { exact: true }).fill("Erin");
    await form.getByLabel("Initial password").fill("short");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByText("A password is at least 12 characters.")).toBeVisible();
    await form.getByLabel("Initial password").fill("erin-initial-password");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("status")).toHaveText(`Created ${username}.`);

    const row = page.getByTestId(`user-${username}`);
    const menu = row.getByRole("button", { name: `Actions for ${username}` });
    await expect(row).toContainText("Engineer");
    await menu.click();
    await row.getByRole("menuitem", { name: "Make admin" }).click();
    await expect(row).toContainText("Admin");
    await menu.click();
    await row.getByRole("menuitem", { name: "Link RAM user" }).click();
    await row.getByLabel(`RAM user name for ${username}`).fill("bob");
    await row.getByRole("button", { name: "Save" }).click();
    await expect(row).toContainText("bob");
    await menu.click();
    await row.getByRole("menuitem", { name: "Disable" }).click();
    await row.getByRole("alertdialog", { name: `Disable ${username}?` }).getByRole("button", { name: "Disable" }).click();
    await expect(row).toContainText("Disabled");
    // alice cannot demote or disable herself from the table.
    await page.getByTestId("user-alice").getByRole("button", { name: "Actions for alice" }).click();
    await expect(page.getByTestId("user-alice").getByRole("menuitem", { name: "Link RAM user" })).toBeVisible();
    await expect(page.getByTestId("user-alice").getByRole("menuitem", { name: "Disable" })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await page.screenshot({ path: "e2e/screens/users.png", fullPage: true });

    // The disabled account cannot sign in.
    const denied = await page.request.post("/api/auth/login", { data: { username, password: "erin-initial-password" } });
    expect(denied.status()).toBe(401);

    await page.goto("/audit?actor=alice");
    for (const action of ["users.create", "users.role_change", "users.ram_link", "users.disable"]) {
      await expect(page.getByRole("row").filter({ hasText: username }).filter({ hasText: action }).first()).toBeVisible();
    }
    await page.getByLabel("Action").selectOption("users.role_change");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/action=users\.role_change/);
    // Detail reads as fields, with the stored JSON a click away.
    const changed = page.getByRole("row").filter({ hasText: username });
    await expect(changed.locator('dt:text-is("from") + dd')).toHaveText("engineer");
    await expect(changed.locator('dt:text-is("to") + dd')).toHaveText("admin");
    await changed.getByText("JSON", { exact: true }).click();
    await expect(changed.getByLabel("The entry's detail as stored")).toContainText('"from": "engineer"');
    // The date filter takes an ISO date and UTC time; a US-style date is not guessed at.
    const today = new Date().toISOString().slice(0, 10);
    await page.goto(`/audit?actor=alice&action=users.role_change&from=${today}%2000:00`);
    await expect(page.getByLabel("From")).toHaveValue(`${today} 00:00`);
    await expect(page.getByRole("row").filter({ hasText: username })).toBeVisible();
    await page.goto(`/audit?actor=alice&action=users.role_change&to=${today.slice(0, 4)}-01-01%2000:00`);
    await expect(page.getByRole("row").filter({ hasText: username })).toHaveCount(0);
    await page.goto("/audit");
    await page.screenshot({ path: "e2e/screens/audit.png", fullPage: true });

    const csv = await page.request.get(`/api/audit/export?actor=alice&action=users.disable`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe('"id","time","actor","action","target","outcome","request_id","detail"');
    expect(lines.some((l) => l.includes(`,"alice","users.disable","${username}","success",`))).toBe(true);
    expect(lines.slice(1).every((l) => l.includes(',"alice","users.disable",'))).toBe(true);
  });
});
