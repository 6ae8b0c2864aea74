import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import type { PassRoleRequestView } from "../lib/approvals/types";
import { signIn, signInRequest, type DemoUserName } from "./fixtures/auth";
import { createServiceAs, describeService, diagnosis, grantInRam, serviceConfig } from "./fixtures/approvals-cloud";
import { expect, test, type CloudControl } from "./fixtures/cloud";

// bob asks for PassRole on eas-restricted, alice reviews and approves, and bob's own RAM keys
// then deploy with that role in the emulator; after a revoke, or once RAM's clock passes a
// 1-day grant's expiry, the same deployment is refused again.

const ROLE = "eas-restricted";
const REQUEST_ID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

async function pageAs(browser: Browser, user: DemoUserName): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user);
  return page;
}

async function apiAs(playwright: Playwright, baseURL: string, user: DemoUserName) {
  const ctx = await playwright.request.newContext({ baseURL });
  await signInRequest(ctx, user);
  return ctx;
}

/** Deploys as bob with his own AccessKey and lets the emulator finish: Running, or Failed with why. */
async function deployAsBob(cloud: CloudControl, name: string): Promise<{ status: string; why: string[] }> {
  await createServiceAs("bob", serviceConfig(name, ROLE));
  await cloud.settle();
  return { status: (await describeService(name)).Status, why: await diagnosis(name) };
}

const requestRow = (page: Page) => page.getByTestId("my-requests").locator(`tr[data-role="${ROLE}"]`).first();

type Playwright = { request: { newContext(o: { baseURL?: string }): Promise<APIRequestContext> } };

/** Closes what an earlier spec (or a failed run) left open, so each test may ask for the same role again. */
async function closeOpenRequests(playwright: Playwright, baseURL: string): Promise<void> {
  const alice = await apiAs(playwright, baseURL, "alice");
  const open = (await (await alice.get("/api/passrole-requests")).json()) as { requests: PassRoleRequestView[] };
  for (const r of open.requests.filter((x) => x.state === "granted")) await alice.post(`/api/passrole-requests/${r.id}/revoke`, { data: {} });
  for (const user of ["alice", "bob", "carol"] as const) {
    const ctx = user === "alice" ? alice : await apiAs(playwright, baseURL, user);
    const mine = (await (await ctx.get("/api/passrole-requests?state=pending&mine=true")).json()) as { requests: PassRoleRequestView[] };
    for (const r of mine.requests) await ctx.post(`/api/passrole-requests/${r.id}/cancel`);
  }
}

test.describe("PassRole requests and approvals", () => {
  test.beforeEach(async ({ playwright, baseURL }) => {
    await closeOpenRequests(playwright, baseURL!);
  });

  test("bob asks, alice reviews the blast radius and approves, bob deploys with his own keys; after the revoke RAM refuses him again", async ({ browser, cloud }) => {
    // Two browsers, a deploy to Running and a revoke: the longest journey of the suite.
    test.setTimeout(120_000);
    const bob = await pageAs(browser, "bob");
    await bob.goto("/requests");
    await expect(bob.getByRole("radio", { name: "ecs-batch-role" })).toBeVisible();
    await bob.screenshot({ path: "e2e/screens/approvals-request-roles.png" });
    await bob.getByLabel("Search roles").fill("restricted");
    const option = bob.getByRole("radio", { name: ROLE });
    await expect(bob.getByRole("radiogroup", { name: "Role" })).toContainText("Used by 1: chat-summarizer");
    await option.check();
    await expect(bob.getByLabel("RAM user to receive it")).toHaveValue("bob");
    await bob.getByLabel("Reason").fill("Deploy chat-summarizer v2 from my own pipeline");
    await bob.getByRole("radio", { name: "7 days" }).check();
    await bob.getByRole("button", { name: "Send request" }).click();
    await expect(bob.getByRole("status").filter({ hasText: "Request sent" })).toBeVisible();
    await expect(requestRow(bob)).toContainText("Pending");
    const id = (await requestRow(bob).getAttribute("data-request"))!;
    expect((await new AxeBuilder({ page: bob }).analyze()).violations).toEqual([]);
    await bob.screenshot({ path: "e2e/screens/approvals-request-form.png" });

    const refusedBefore = await deployAsBob(cloud, "pr-before");
    expect(refusedBefore.status).toBe("Failed");

    const alice = await pageAs(browser, "alice");
    await alice.goto("/approvals");
    await expect(alice.getByTestId("pending-badge")).toBeVisible();
    await expect(alice.getByTestId("approvals-table").locator(`tr[data-request="${id}"]`)).toContainText("Pending");
    await alice.screenshot({ path: "e2e/screens/approvals-list.png" });
    await alice.getByRole("link", { name: `Review bob → ${ROLE}` }).first().click();
    await expect(alice).toHaveURL(new RegExp(`/approvals/${id}$`));
    await expect(alice.getByRole("heading", { level: 1, name: `bob → ${ROLE}` })).toBeVisible();
    // The blast radius: what the role may do (AliyunOSSFullAccess, attached for now), who uses it, who can already pass it.
    await expect(alice.getByTestId("permission-matrix").locator('tr[data-action="oss:*"] td[data-effect="Allow"]')).toHaveCount(1);
    await expect(alice.getByTestId("role-services")).toContainText("chat-summarizer");
    await expect(alice.getByTestId("role-passers")).toContainText("alice");
    await expect(alice.getByTestId("can-pass-now")).toHaveText("No");
    // The exact document to be created, as added lines, and the two calls that will make it.
    const diff = alice.getByTestId("policy-diff");
    await expect(diff).toContainText(`"acs:ram::1784200000000001:role/${ROLE}"`);
    await expect(diff).toContainText('"acs:CurrentTime"');
    await expect(diff.locator('[data-kind="add"]').first()).toBeVisible();
    await expect(alice.getByTestId("plan-steps")).toContainText("1. CreatePolicy");
    await expect(alice.getByTestId("plan-steps")).toContainText("2. AttachPolicyToUser");
    await expect(alice.getByTestId("user-policies").locator("[data-added]")).toContainText("RoleScope-PassRole-bob-eas-restricted-");
    expect((await new AxeBuilder({ page: alice }).analyze()).violations).toEqual([]);
    await alice.screenshot({ path: "e2e/screens/approvals-review.png", fullPage: true });
    await alice.screenshot({ path: "e2e/screens/approvals-review-top.png" });

    await alice.getByRole("button", { name: "Approve and grant" }).click();
    // Approving asks once more, with the plan and the document it grants.
    const confirm = alice.getByTestId("confirm-dialog");
    await expect(confirm).toContainText(`Grant bob ram:PassRole on ${ROLE}?`);
    await expect(confirm.getByTestId("plan-steps")).toContainText("CreatePolicy");
    await confirm.getByRole("button", { name: "Approve and grant" }).click();
    await expect(alice.getByRole("region", { name: "Request" }).locator("[data-state]")).toHaveText("Granted");
    // The page reads again after the grant: bob now holds the new policy, and RAM lets him pass the role.
    await expect(alice.getByTestId("can-pass-now")).toHaveText("Yes");
    await expect(alice.getByTestId("user-policies")).toContainText("RoleScope-PassRole-bob-eas-restricted-");
    const view = (await (await alice.request.get(`/api/passrole-requests/${id}`)).json()) as PassRoleRequestView;
    expect(view).toMatchObject({ state: "granted", approver: "alice", requester: "bob", ramUser: "bob", roleName: ROLE });
    expect(view.grant.requestIds).toHaveLength(2);
    for (const rid of view.grant.requestIds) expect(rid).toMatch(REQUEST_ID);

    // What RAM holds: exactly PassRole on that role, until the expiry, attached to bob.
    const held = await grantInRam(view.grant.policyName, "bob");
    expect(held.attached).toBe(true);
    expect(JSON.parse(held.document!).Statement).toEqual([
      { Effect: "Allow", Action: ["ram:PassRole"], Resource: [`acs:ram::1784200000000001:role/${ROLE}`], Condition: { DateLessThan: { "acs:CurrentTime": [view.expiresAt] } } },
    ]);

    // bob's list follows without a reload.
    await expect(requestRow(bob)).toContainText("Granted");
    await expect(bob.getByTestId("request-changes")).toContainText(`${ROLE}: Granted`);

    expect(await deployAsBob(cloud, "pr-granted")).toEqual({ status: "Running", why: [] });

    await alice.getByRole("button", { name: "Revoke grant" }).click();
    await alice.getByLabel("Why you revoke it (optional, shown to the requester)").fill("The summarizer no longer runs with this role.");
    await alice.getByRole("button", { name: "Yes, revoke" }).click();
    await expect(alice.getByRole("region", { name: "Request" }).locator("[data-state]")).toHaveText("Revoked");
    // A revoked request says who revoked it and why, not when it would have expired nor what approving does.
    await expect(alice.getByRole("region", { name: "Request" })).toContainText("Revoked by");
    await expect(alice.getByRole("region", { name: "Request" })).toContainText("The summarizer no longer runs with this role.");
    await expect(alice.getByRole("region", { name: "Request" })).not.toContainText("Expires");
    await expect(alice.getByText("What approving does in RAM")).toHaveCount(0);
    await expect(alice.getByTestId("can-pass-now")).toHaveText("No");
    expect(await grantInRam(view.grant.policyName, "bob")).toEqual({ attached: false });
    const refused = await deployAsBob(cloud, "pr-revoked");
    expect(refused.status).toBe("Failed");
    expect(refused.why.join(" ")).toContain(`may not pass the role acs:ram::1784200000000001:role/${ROLE}`);

    await bob.reload();
    await expect(bob.getByTestId("request-updates").locator('[data-event="revoked"]').first()).toContainText(`alice revoked PassRole on ${ROLE} from bob.`);

    // Every step is in the audit log, with the cloud's RequestIds.
    await alice.goto("/audit");
    const audit = alice.getByRole("table", { name: "Audit log" });
    for (const action of ["passrole.requested", "passrole.approved", "passrole.granting", "passrole.grant_policy", "passrole.granted", "passrole.revoked", "passrole.remove_policy"]) {
      await expect(audit.getByText(action, { exact: true }).first()).toBeVisible();
    }
    await expect(audit.getByRole("row").filter({ hasText: "passrole.granted" }).first()).toContainText(view.grant.requestIds[1]);
    await alice.screenshot({ path: "e2e/screens/approvals-audit.png" });
  });

  test("a 1-day grant: once the emulator's clock is two days on, RAM refuses bob before the sweeper has run", async ({ playwright, baseURL, cloud }) => {
    const bob = await apiAs(playwright, baseURL!, "bob");
    const alice = await apiAs(playwright, baseURL!, "alice");
    const asked = await bob.post("/api/passrole-requests", { data: { roleName: ROLE, reason: "one day of debugging", duration: "1d" } });
    expect(asked.status()).toBe(201);
    const { id, state } = (await asked.json()) as { id: string; state: string };
    expect(state).toBe("pending");
    const approved = await alice.post(`/api/passrole-requests/${id}/approve`, { data: {} });
    expect(approved.status()).toBe(200);
    expect(((await approved.json()) as PassRoleRequestView).state).toBe("granted");
    expect((await deployAsBob(cloud, "pr-day-one")).status).toBe("Running");

    await cloud.control("POST", "/_emulator/clock", { advanceSeconds: 2 * 86_400 });
    try {
      const late = await deployAsBob(cloud, "pr-day-three");
      expect(late.status).toBe("Failed");
      expect(late.why.join(" ")).toContain("may not pass the role");
      // The console has not swept: the request still says granted, and the policy is still attached.
      const view = (await (await bob.get(`/api/passrole-requests/${id}`)).json()) as PassRoleRequestView;
      expect(view.state).toBe("granted");
      expect((await grantInRam(view.grant.policyName, "bob")).attached).toBe(true);
    } finally {
      await cloud.control("POST", "/_emulator/clock", { reset: true });
    }
    expect((await alice.post(`/api/passrole-requests/${id}/revoke`, { data: {} })).status()).toBe(200);
  });

  test("50 approvals of one request at once over HTTP: one 200, 49 × 409, one policy in RAM", async ({ playwright, baseURL, cloud }) => {
    expect(cloud).toBeTruthy();
    const bob = await apiAs(playwright, baseURL!, "bob");
    const alice = await apiAs(playwright, baseURL!, "alice");
    const { id } = (await (await bob.post("/api/passrole-requests", { data: { roleName: ROLE, reason: "race", duration: "7d" } })).json()) as { id: string };
    await cloud.control("DELETE", "/_emulator/stats");
    const answers = await Promise.all(Array.from({ length: 50 }, () => alice.post(`/api/passrole-requests/${id}/approve`, { data: {} })));
    const statuses = answers.map((a) => a.status()).sort();
    expect(statuses).toEqual([200, ...Array(49).fill(409)]);
    for (const a of answers.filter((x) => x.status() === 409)) expect(((await a.json()) as { error: { code: string } }).error.code).toBe("conflict");
    const calls = (await cloud.control("GET", "/_emulator/stats")).calls as Record<string, number>;
    expect([calls.CreatePolicy, calls.AttachPolicyToUser]).toEqual([1, 1]);
    const view = (await (await alice.get(`/api/passrole-requests/${id}`)).json()) as PassRoleRequestView;
    expect(view.state).toBe("granted");
    expect((await grantInRam(view.grant.policyName, "bob")).attached).toBe(true);
    expect((await alice.post(`/api/passrole-requests/${id}/revoke`, { data: {} })).status()).toBe(200);
  });

  test("carol's PASSROLE_DENIED diagnosis links to the request form filled in for her; a link naming a role the account lacks says so", async ({ browser, cloud }) => {
    expect(cloud).toBeTruthy();
    const carol = await pageAs(browser, "carol");
    await carol.goto("/services/cn-hangzhou/chat-summarizer");
    const ask = carol.getByRole("link", { name: "Ask for this grant for carol as a PassRole request" });
    await ask.scrollIntoViewIfNeeded();
    await carol.screenshot({ path: "e2e/screens/diagnosis-passrole-ask.png" });
    await ask.click();
    await expect(carol).toHaveURL(/\/requests\?role=eas-restricted&ramUser=carol$/);
    await expect(carol.getByRole("radio", { name: ROLE })).toBeChecked();
    await expect(carol.getByLabel("RAM user to receive it")).toHaveValue("carol");
    await carol.screenshot({ path: "e2e/screens/approvals-request-prefilled.png" });
    await carol.getByLabel("Reason").fill("chat-summarizer fails with PASSROLE_DENIED");
    await carol.getByRole("button", { name: "Send request" }).click();
    await expect(carol.getByRole("status").filter({ hasText: `Request sent for ${ROLE}` })).toBeVisible();
    await expect(requestRow(carol)).toContainText("Pending");

    await carol.goto("/requests?role=no-such-role&ramUser=carol");
    await expect(carol.getByRole("status").filter({ hasText: "The link asks for the role no-such-role, which is not in the account." })).toBeVisible();
    await expect(carol.getByRole("radiogroup", { name: "Role" }).getByRole("radio", { checked: true })).toHaveCount(0);
  });

  test("the rules hold over HTTP: no self-approval, engineers cannot decide, only the requester cancels", async ({ playwright, baseURL, cloud }) => {
    expect(cloud).toBeTruthy();
    const [alice, bob, carol] = await Promise.all((["alice", "bob", "carol"] as const).map((u) => apiAs(playwright, baseURL!, u)));
    const own = (await (await alice.post("/api/passrole-requests", { data: { roleName: "eas-no-oss", reason: "mine", duration: "1d" } })).json()) as { id: string };
    const selfApproval = await alice.post(`/api/passrole-requests/${own.id}/approve`, { data: {} });
    expect([selfApproval.status(), ((await selfApproval.json()) as { error: { code: string } }).error.code]).toEqual([403, "self_approval"]);

    const asked = (await (await bob.post("/api/passrole-requests", { data: { roleName: "eas-no-oss", reason: "x", duration: "1d" } })).json()) as { id: string };
    expect((await bob.post(`/api/passrole-requests/${asked.id}/approve`, { data: {} })).status()).toBe(403);
    expect((await carol.post(`/api/passrole-requests/${asked.id}/cancel`)).status()).toBe(403);
    expect((await carol.get(`/api/passrole-requests/${asked.id}`)).status()).toBe(404);
    const again = await bob.post("/api/passrole-requests", { data: { roleName: "eas-no-oss", reason: "twice", duration: "1d" } });
    expect(again.status()).toBe(409);
    const bad = await bob.post("/api/passrole-requests", { data: { roleName: "eas-no-oss", reason: "", duration: "2d" } });
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toMatchObject({ reason: "is required", duration: expect.stringContaining("1d") });
    const mine = (await (await bob.get("/api/passrole-requests?state=pending")).json()) as { requests: PassRoleRequestView[] };
    expect(mine.requests.map((r) => r.requester)).toEqual(["bob"]);
    expect((await bob.post(`/api/passrole-requests/${asked.id}/cancel`)).status()).toBe(200);
    expect((await alice.post(`/api/passrole-requests/${own.id}/cancel`)).status()).toBe(200);
  });

  test("for whom: bob may not ask for alice's RAM user; alice asks for carol, who sees and cancels it; alice's own waits for a second admin", async ({ browser, playwright, baseURL, cloud }) => {
    expect(cloud).toBeTruthy();
    const [alice, bob, carol] = await Promise.all((["alice", "bob", "carol"] as const).map((u) => apiAs(playwright, baseURL!, u)));
    const forAlice = await bob.post("/api/passrole-requests", { data: { roleName: "eas-no-oss", ramUser: "alice", reason: "x", duration: "1d" } });
    expect(forAlice.status()).toBe(403);
    expect(((await forAlice.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "forbidden", message: expect.stringContaining("you may request only for your own RAM user") });

    const created = await alice.post("/api/passrole-requests", { data: { roleName: "eas-no-oss", ramUser: "carol", reason: "onboarding carol", duration: "1d" } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await (await carol.get(`/api/passrole-requests/${id}`)).json()) as PassRoleRequestView).toMatchObject({ requester: "alice", requestedFor: "carol", ramUser: "carol" });
    const page = await pageAs(browser, "carol");
    await page.goto("/requests");
    await expect(page.getByTestId("my-requests").locator(`tr[data-request="${id}"]`)).toContainText("asked by alice", { timeout: 20_000 });
    await expect(page.getByLabel("RAM user to receive it").locator("option")).toHaveText(["carol"]);
    await page.screenshot({ path: "e2e/screens/requests-for-carol.png" });
    await page.getByTestId("my-requests").locator(`tr[data-request="${id}"]`).getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("my-requests").locator(`tr[data-request="${id}"]`)).toContainText("Cancelled");

    const own = (await (await alice.post("/api/passrole-requests", { data: { roleName: "eas-no-oss", reason: "mine", duration: "1d" } })).json()) as { id: string };
    const review = await pageAs(browser, "alice");
    await review.goto(`/approvals/${own.id}`);
    await expect(review.getByRole("region", { name: "Decision" })).toContainText("No other admin may decide on it");
    await expect(review.getByRole("button", { name: "Approve and grant" })).toHaveCount(0);
    for (const width of [1440, 1280]) {
      await review.setViewportSize({ width, height: 900 });
      await review.screenshot({ path: `e2e/screens/approvals-review-own-${width}.png` });
    }
    expect((await alice.post(`/api/passrole-requests/${own.id}/cancel`)).status()).toBe(200);
  });
});
