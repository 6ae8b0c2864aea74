import { signIn } from "./fixtures/auth";
import { expect, test } from "./fixtures/cloud";
import { expectAccessible, shot } from "./setup-cloud";

test.describe("preflight page", () => {
  test("a pasted config: every finding with its fix", async ({ page, cloud }) => {
    await signIn(page, "bob");
    await page.goto("/preflight");
    await expect(page.getByRole("heading", { level: 1, name: "Preflight" })).toBeVisible();
    const config = {
      name: "churn-v2",
      options: { enable_ram_role: true },
      role_arn: "acs:ram::1784200000000001:role/ecs-batch-role",
      storage: [{ oss: { path: "oss://models/churn/" }, mount_path: "/mnt/models" }],
    };
    await page.getByLabel("Service config JSON").fill(JSON.stringify(config, null, 2));
    await page.getByLabel("Deployer (RAM user, optional)").fill("carol");
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByTestId("preflight-verdict")).toHaveText("3 errors: a deployment with this config would fail.");
    await expect(page.getByTestId("finding-TRUST_MISSING_EAS")).toContainText("Fix: Add eas.pai.aliyuncs.com to Principal.Service");
    await expect(page.getByTestId("finding-NEED_NOT_COVERED")).toContainText("needs oss:PutObject on acs:oss:*:1784200000000001:models/churn/*");
    // The fix policy is a formatted JSON block on this account's role ARN, and the finding links to a prefilled request.
    await expect(page.getByLabel("The policy the fix of PASSROLE_MISSING asks for")).toContainText('"acs:ram::1784200000000001:role/ecs-batch-role"');
    await expect(page.getByTestId("fix-link-PASSROLE_MISSING")).toHaveAttribute("href", "/requests?role=ecs-batch-role&ramUser=carol");
    await shot(page, "preflight-pasted");
    await expectAccessible(page);

    await page.getByLabel("Service config JSON").fill('{"name": "x",');
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByTestId("finding-CONFIG_NOT_JSON")).toBeVisible();
    void cloud;
  });

  test("a deployed service: its config, region and deployer are checked at once", async ({ page, cloud }) => {
    await signIn(page, "bob");
    await page.goto("/preflight");
    await page.getByLabel("A deployed service").selectOption("cn-hangzhou/chat-summarizer");
    await expect(page).toHaveURL(/service=cn-hangzhou%2Fchat-summarizer/);
    await expect(page.getByLabel("Deployer (RAM user, optional)")).toHaveValue("carol");
    await expect(page.getByLabel("Service config JSON")).toHaveValue(/"role_arn": "acs:ram::1784200000000001:role\/eas-restricted"/);
    await expect(page.getByTestId("finding-PASSROLE_MISSING")).toContainText("The RAM user carol may not pass the role eas-restricted to EAS");
    await shot(page, "preflight-service");

    await page.getByLabel("A deployed service").selectOption("cn-hangzhou/fraud-detector");
    await expect(page.getByTestId("preflight-verdict")).toHaveText("No errors: the config is ready to deploy.");
    void cloud;
  });
});
