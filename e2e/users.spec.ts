import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn, signInRequest } from "./fixtures/auth";
import { ram } from "./fixtures/approvals-cloud";
import { test as cloudTest } from "./fixtures/cloud";

type Listed = { id: string; username: string; disabled: boolean; ramUserName?: string; ramUserState?: string };
const users = async (api: APIRequestContext) => ((await (await api.get("/api/auth/users")).json()) as { users: Listed[] }).users;
const find = async (api: APIRequestContext, username: string) => (await users(api)).find((u) => u.username === username)!;

test.describe("user management", () => {
  test("disabling asks first; a disabled demo user leaves the sign-in page until enabled again", async ({ page, browser, playwright, baseURL }) => {
    await signIn(page, "alice");
    await page.goto("/admin/users");
    const row = page.getByTestId("user-carol");
    const menu = row.getByRole("button", { name: "Actions for carol" });
    await menu.click();
    await row.getByRole("menuitem", { name: "Disable" }).click();
    const confirm = row.getByRole("alertdialog", { name: "Disable carol?" });
    await expect(confirm).toContainText("They are signed out at once");
    await page.screenshot({ path: "e2e/screens/users-confirm-disable.png" });
    // Nothing has changed yet; Cancel leaves carol as she was.
    expect((await find(page.request, "carol")).disabled).toBe(false);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
    await expect(row.getByRole("menuitem", { name: "Disable" })).toBeHidden();
    expect((await find(page.request, "carol")).disabled).toBe(false);

    const anonymous = await playwright.request.newContext({ baseURL });
    try {
      await menu.click();
      await row.getByRole("menuitem", { name: "Disable" }).click();
      await row.getByRole("alertdialog", { name: "Disable carol?" }).getByRole("button", { name: "Disable" }).click();
      await expect(row).toContainText("Disabled");
      expect((await find(page.request, "carol")).disabled).toBe(true);

      const login = await (await anonymous.get("/login")).text();
      expect(login).toContain("alice-demo-pass");
      expect(login).not.toContain("carol-demo-pass");
      const visitor = await browser.newContext();
      const form = await visitor.newPage();
      await form.goto("/login");
      const demo = form.getByRole("region", { name: "Demo accounts" });
      await expect(demo.getByRole("cell", { name: "bob", exact: true })).toBeVisible();
      await expect(demo.getByRole("cell", { name: "carol", exact: true })).toHaveCount(0);
      await visitor.close();

      await menu.click();
      await row.getByRole("menuitem", { name: "Enable" }).click();
      await expect(row).toContainText("Enabled");
    } finally {
      // Whatever happened above, carol may sign in again for the specs after this one.
      const carol = await find(page.request, "carol");
      if (carol.disabled) await page.request.patch(`/api/auth/users/${carol.id}`, { data: { disabled: false }, headers: { origin: baseURL! } });
    }
    expect(await (await anonymous.get("/login")).text()).toContain("carol-demo-pass");
    await anonymous.dispose();
  });

  test("a link to a RAM user the account does not hold is refused, and nothing changes", async ({ page }) => {
    await signIn(page, "alice");
    await page.goto("/admin/users");
    const row = page.getByTestId("user-bob");
    await expect(row).toContainText("in RAM");
    await row.getByRole("button", { name: "Actions for bob" }).click();
    await row.getByRole("menuitem", { name: "Link RAM user" }).click();
    await row.getByLabel("RAM user name for bob").fill("nonexistent-ram-user");
    await row.getByRole("button", { name: "Save" }).click();
    await expect(row.getByRole("alert")).toHaveText("The change was not saved: RAM has no user by this name in this account.");
    await page.keyboard.press("Escape");
    expect((await find(page.request, "bob")).ramUserName).toBe("bob");

    const patch = await page.request.patch(`/api/auth/users/${(await find(page.request, "bob")).id}`, { data: { ramUserName: "nonexistent-ram-user" } });
    expect(patch.status()).toBe(400);
    expect((await patch.json()).error).toMatchObject({ code: "invalid_input", fields: { ramUserName: "names no RAM user in this account" } });

    const form = page.getByRole("form", { name: "New user" });
    const username = `nora${Date.now().toString(36)}`;
    await form.getByLabel("Username").fill(username);
    await form.getByLabel("Name", { exact: true }).fill("Nora");
    await form.getByLabel("RAM user (optional)").fill("nonexistent-ram-user");
    await form.getByLabel("Initial password").fill("nora-initial-password-7");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByText("RAM has no user by this name in this account.")).toBeVisible();
    expect((await users(page.request)).some((u) => u.username === username)).toBe(false);
  });

  test("the form says each rule it can check in its own words, before sending", async ({ page }) => {
    await signIn(page, "alice");
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "New user" });
    await form.getByLabel("Username").fill("Bad Name");
    await form.getByLabel("RAM user (optional)").fill("bad name!");
    await form.getByLabel("Initial password").fill("short");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByText("A username is 2–32 lowercase letters, digits, . _ or -, starting with a letter.")).toBeVisible();
    await expect(form.getByText("Enter the person's name.")).toBeVisible();
    await expect(form.getByText("A RAM user name is 1–64 letters, digits, or . _ - @.")).toBeVisible();
    await expect(form.getByText("A password is at least 12 characters.")).toBeVisible();
    await expect(form.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
  });

  test("a refused page is written to the audit log once per visit", async ({ page, playwright, baseURL }) => {
    const visit = Date.now().toString(36);
    await signIn(page, "bob");
    const paths = [`/admin/users?visit=${visit}`, `/audit?visit=${visit}`, `/approvals?visit=${visit}`];
    for (const path of paths) expect((await page.goto(path))?.status(), path).toBe(403);
    const alice = await playwright.request.newContext({ baseURL });
    await signInRequest(alice, "alice");
    const logged = (await (await alice.get("/api/audit?actor=bob&action=auth.denied")).json()) as { entries: { target: string; detail: Record<string, unknown> }[] };
    for (const path of paths) expect(logged.entries.filter((e) => e.target === path).length, path).toBe(1);
    expect(logged.entries.find((e) => e.target === paths[0])?.detail).toMatchObject({ permission: "users:manage" });
    await alice.dispose();
  });
});

cloudTest.describe("the state of each RAM link", () => {
  cloudTest("a console user linked to a RAM user that is gone is flagged in the table", async ({ page, cloud, baseURL }) => {
    await signIn(page, "alice");
    await ram("CreateUser", { UserName: "temp-contractor" });
    const username = `tina${Date.now().toString(36)}`;
    const created = await page.request.post("/api/auth/users", {
      data: { username, displayName: "Tina", role: "engineer", ramUserName: "temp-contractor", password: "tina-initial-password-7" },
      headers: { origin: baseURL! },
    });
    expect(created.status()).toBe(201);
    expect((await find(page.request, username)).ramUserState).toBe("exists");

    // The account loses the RAM user (the demo seed has no temp-contractor).
    await cloud.reset();
    await page.goto("/admin/users");
    const row = page.getByTestId(`user-${username}`);
    await expect(row).toContainText("temp-contractor");
    await expect(row).toContainText("not in RAM");
    await expect(page.getByTestId("user-alice")).toContainText("in RAM");
    expect((await find(page.request, username)).ramUserState).toBe("missing");
    await page.screenshot({ path: "e2e/screens/users-ram-state.png", fullPage: true });
    // Leave no enabled extra account behind.
    await page.request.patch(`/api/auth/users/${(await find(page.request, username)).id}`, { data: { disabled: true }, headers: { origin: baseURL! } });
  });
});
