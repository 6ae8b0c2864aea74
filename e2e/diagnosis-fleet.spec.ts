import { expect, test } from "./fixtures/cloud";
import { signIn } from "./fixtures/auth";
import { emulatorCreateService, emulatorRam, emulatorService } from "./fixtures/emulator-reads";

// The fleet view: every failing service by cause and by what one fix acts on; one fix on a
// shared role, then one redeploy of each service it heals.

const HZ = "cn-hangzhou";

test("an admin fixes one cause for two services from the fleet view, and both run", async ({ page, cloud }) => {
  // Two confirmations, one fix and two redeploys watched to the end: more than the default budget on a busy machine.
  test.setTimeout(90_000);
  // A second service on the role whose trust leaves EAS out, deployed outside the console.
  await emulatorCreateService(HZ, { name: "churn-nightly", metadata: { instance: 1, cpu: 1, memory: 2000 }, options: { enable_ram_role: true }, role_arn: "acs:ram::1784200000000001:role/ecs-batch-role", processor: "pmml", model_path: "oss://models/churn/nightly.pmml" });
  await cloud.settle();
  await signIn(page, "alice");
  await page.goto("/issues");
  await expect(page.getByRole("heading", { level: 1, name: "Failing services" })).toBeVisible();
  await expect(page.getByTestId("fleet-total")).toHaveText("7 failing services in 6 groups");
  for (const code of ["ROLE_NOT_FOUND", "TRUST_MISSING_EAS", "PASSROLE_DENIED", "WORKSPACE_ID_MISSING", "MOUNT_DENIED", "IMAGE_PULL_DENIED"]) {
    await expect(page.locator(`table[data-cause="${code}"]`)).toBeVisible();
  }
  const group = page.locator('table[data-cause="TRUST_MISSING_EAS"] tr[data-subject="ecs-batch-role"]');
  await expect(group.getByRole("link")).toHaveText(["churn-nightly", "churn-predictor"]);
  await expect(page.locator('tr[data-subject="carol → eas-restricted"]')).toContainText("chat-summarizer");
  await page.screenshot({ path: "e2e/screens/fleet.png", fullPage: false });

  await group.getByRole("button", { name: "Preview fixes" }).click();
  const card = group.locator('[data-fix-id="add-eas-trust"]');
  await card.getByRole("button", { name: "Preview" }).click();
  await expect(card.getByTestId("fix-preview")).toContainText("UpdateRole · ecs-batch-role");
  await card.getByRole("button", { name: "Apply fix" }).click();
  // The dialog names the other service on the role (the group acts through churn-nightly, the first by name).
  const confirm = page.getByRole("dialog");
  await expect(confirm.getByTestId("widens-services")).toHaveText("cn-hangzhou/churn-predictor");
  await confirm.getByRole("button", { name: "Confirm and apply" }).click();
  await expect(card.getByText(/^Applied\. Audit entry \d+\.$/)).toBeVisible();
  await group.getByRole("button", { name: "Redeploy all 2 services" }).click();
  const redeploy = page.getByRole("dialog", { name: "Redeploy these 2 services?" });
  await expect(redeploy.getByTestId("redeploy-list")).toContainText("RestartService · cn-hangzhou/churn-nightly");
  await redeploy.getByRole("button", { name: "Confirm redeploy" }).click();
  // Once both redeploys are sent the list is read again: the group says "2 of 2 redeployed", or
  // has already left the failing list because its services are deploying. Either is the end.
  await expect.poll(async () => (await group.count()) === 0 || (await group.getByText("2 of 2 redeployed").isVisible()), { timeout: 15_000 }).toBe(true);
  expect((await emulatorRam.trust("ecs-batch-role")).Statement[0].Principal?.Service).toEqual(["ecs.aliyuncs.com", "eas.pai.aliyuncs.com"]);
  await cloud.settle();
  for (const name of ["churn-predictor", "churn-nightly"]) expect((await emulatorService(HZ, name)).Status, name).toBe("Running");
  await page.goto("/issues");
  await expect(page.locator('table[data-cause="TRUST_MISSING_EAS"]')).toHaveCount(0);
  await expect(page.getByTestId("fleet-total")).toHaveText("5 failing services in 5 groups");
});

test("an engineer sees every failing service by cause, with no fix to apply", async ({ page, cloud }) => {
  void cloud;
  await signIn(page, "carol");
  await page.goto("/issues");
  await expect(page.getByTestId("fleet-total")).toHaveText("6 failing services in 6 groups");
  await expect(page.getByRole("button", { name: "Preview fixes" })).toHaveCount(0);
  await expect(page.getByText("Ask an admin").first()).toBeVisible();
  await page.locator('table[data-cause="MOUNT_DENIED"]').getByRole("link", { name: "ocr-pipeline" }).click();
  await expect(page).toHaveURL(/\/services\/cn-hangzhou\/ocr-pipeline#diagnosis$/);
  await expect(page.getByTestId("cause")).toHaveAttribute("data-cause", "MOUNT_DENIED");
});
