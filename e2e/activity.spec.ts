import { expect, test } from "./fixtures/cloud";
import { ram } from "./fixtures/approvals-cloud";
import { emulatorService } from "./fixtures/emulator-reads";
import { signIn, signInRequest } from "./fixtures/auth";

// eas-restricted holds AliyunOSSFullAccess and its session only ever read one prefix of one
// bucket (the demo's 90 days of activity); chat-summarizer runs with it and mounts OSS. The
// Activity section shows that, the overview lists what nothing uses, and an admin right-sizes the
// role: the service still deploys to Running with the right-sized policy alone.

const ROLE = "eas-restricted";
const HZ = "cn-hangzhou";
const WIDTHS = [1440, 1280] as const;

test("activity, unused access, right-size preview and apply (admins only), and the service still deploys", async ({ page, cloud, browser, baseURL }) => {
  test.setTimeout(180_000);
  await signIn(page, "alice");

  await page.goto(`/roles/${ROLE}#activity`);
  const coverage = page.getByTestId("activity-coverage");
  await expect(coverage).toContainText("ActionTrail read for 90 of 90 days.", { timeout: 60_000 });
  await expect(coverage).toContainText("this account's trail does.");
  const used = page.getByTestId("activity-used");
  await expect(used.locator("tr", { hasText: "oss:GetObject" })).toContainText("acs:oss:*:*:llm-prompts/summarizer/templates.json");
  await expect(page.getByTestId("no-new-access")).toHaveText("No new access: everything this policy allows, the current policies allow.");
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator("#activity").scrollIntoViewIfNeeded();
    await page.locator("#activity").screenshot({ path: `e2e/screens/activity-tab-${width}.png` });
  }

  // The overview: legacy-admin, which no service uses and no session used in 90 days.
  // The account-wide read runs in the background; the panel shows it once it has finished.
  const panel = page.locator("#unused-access");
  await expect.poll(async () => {
    await page.goto("/");
    return panel.getByTestId("unused-legacy-admin").textContent();
  }, { timeout: 120_000, intervals: [5_000] }).toContain("No service runs with this role and no session used it.");
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await panel.screenshot({ path: `e2e/screens/overview-unused-access-${width}.png` });
  }

  // An engineer may read the preview but not apply it.
  const offer = (await (await page.request.get(`/api/roles/${ROLE}/activity`)).json()) as { rightSize: { offer: { preview: { token: string } } } };
  const token = offer.rightSize.offer.preview.token;
  const bob = await browser.newContext({ baseURL });
  await signInRequest(bob.request, "bob");
  const refused = await bob.request.post(`/api/roles/${ROLE}/right-size`, { data: { confirm: true, token }, headers: { origin: baseURL! } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  await bob.close();

  await page.goto(`/roles/${ROLE}#activity`);
  await page.getByRole("button", { name: "Preview right-sizing" }).click();
  const preview = page.getByTestId("right-size-preview");
  await expect(preview).toContainText("in place of 1 granted action pattern (1 with a wildcard)");
  await expect(preview).toContainText("the OSS mount");
  await expect(preview.getByRole("link", { name: "chat-summarizer" })).toBeVisible();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await preview.screenshot({ path: `e2e/screens/right-size-preview-${width}.png` });
  }
  await page.getByRole("button", { name: "Apply right-sizing" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Applied." })).toBeVisible({ timeout: 30_000 });

  // What the cloud holds: the right-sized policy alone.
  const attached = (await ram("ListPoliciesForRole", { RoleName: ROLE })) as { Policies: { Policy: { PolicyName: string; PolicyType: string }[] } };
  expect(attached.Policies.Policy.map((p) => `${p.PolicyType}:${p.PolicyName}`)).toEqual([expect.stringMatching(/^Custom:eas-restricted-right-sized-[0-9a-f]{8}$/)]);

  // And the service still deploys with it.
  const redeploy = await page.request.post(`/api/services/${HZ}/chat-summarizer/redeploy`, { data: { confirm: true }, headers: { origin: baseURL! } });
  expect(redeploy.status()).toBe(200);
  await cloud.settle();
  await expect.poll(async () => (await emulatorService(HZ, "chat-summarizer")).Status, { timeout: 30_000 }).toBe("Running");
});
