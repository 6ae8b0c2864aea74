import { signIn } from "./fixtures/auth";
import { expect, test } from "./fixtures/cloud";
import { serviceInCloud, shot, snippetText } from "./setup-cloud";

test.describe("setup, Method 1", () => {
  test("OSS and MaxCompute through the PAI default role: outputs, deploy, Running in the emulator", async ({ page, cloud }) => {
    await signIn(page, "alice");
    await page.goto("/setup");
    await expect(page.getByRole("heading", { level: 2, name: "What the service needs" })).toBeVisible();

    // Bad input at this step names the field and the rule.
    await page.getByRole("button", { name: "Add a bucket" }).click();
    await page.getByLabel("Bucket", { exact: true }).fill("Models_Bucket");
    await expect(page.getByText("Bucket must be an OSS bucket name: 3–63 lowercase letters")).toBeVisible();
    await page.getByRole("button", { name: "Next: Method", exact: true }).click();
    await expect(page.getByText("Region is required.")).toBeVisible();
    await expect(page).not.toHaveURL(/step=method/);

    await page.getByLabel("Region").selectOption("cn-hangzhou");
    await page.getByLabel("Bucket", { exact: true }).fill("models");
    await page.getByLabel("Prefix").fill("v2/");
    await page.getByLabel("The code reads MaxCompute through PyODPS").check();
    await page.getByLabel("Project").fill("feature_store");
    await expect(page).toHaveURL(/region=cn-hangzhou.*oss=models%2Fv2%2F%3Aread.*mc=feature_store%3Aread/);
    await shot(page, "setup-1-needs");
    await page.getByRole("button", { name: "Next: Method", exact: true }).click();

    await expect(page.getByTestId("recommendation")).toContainText("Method 1 is enough for this service");
    await expect(page.getByTestId("recommendation")).toContainText("only uses MaxCompute and OSS");
    await shot(page, "setup-2-method1-recommended");
    // Back returns to the previous step with its answers; Forward comes back.
    await page.goBack();
    await expect(page.getByRole("heading", { level: 2, name: "What the service needs" })).toBeVisible();
    await expect(page.getByLabel("Project")).toHaveValue("feature_store");
    await page.goForward();
    await expect(page.getByTestId("recommendation")).toBeVisible();
    await page.getByRole("button", { name: "Next: Method 1: outputs" }).click();

    await page.getByRole("button", { name: "Next: Deploy" }).click();
    await expect(page.getByText("Workspace id is required.")).toBeVisible();
    await expect(page.getByText("Service name is required.")).toBeVisible();
    await page.getByLabel("Service name").fill("Fraud V2");
    await expect(page.getByText("Service name must start with a lowercase letter")).toBeVisible();
    await page.getByLabel("Service name").fill("fraud-setup");
    await page.getByLabel("Workspace id").fill("38291");

    const config = JSON.parse(await snippetText(page, "service-config"));
    expect(config).toEqual({
      name: "fraud-setup",
      options: { enable_ram_role: true },
      metadata: { instance: 1, cpu: 2, memory: 4000, workspace_id: "38291" },
      containers: [{ image: "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/python-inference:py39", script: "python /app/app.py", port: 8000 }],
    });
    expect(await snippetText(page, "libraries")).toBe("alibabacloud_credentials oss2 pyodps");
    // Nothing is mounted: the script is in the image, and the run command names no /mnt/data.
    expect(await snippetText(page, "run-command")).toBe("python /app/app.py");
    await expect(page.getByTestId("run-command")).toContainText("The config mounts nothing at /app/");
    const python = await snippetText(page, "python");
    expect(python).toContain("oss2.Bucket(auth, 'https://oss-cn-hangzhou-internal.aliyuncs.com', 'models')");
    expect(python).toContain("endpoint='https://service.cn-hangzhou-vpc.maxcompute.aliyun-inc.com/api'");
    expect(await snippetText(page, "credentials-credentials-uri")).toContain("curl $ALIBABA_CLOUD_CREDENTIALS_URI");
    expect(await snippetText(page, "credentials-credentials-file")).toContain("/etc/ram/credentials");
    // Every snippet has its copy button.
    for (const id of ["service-config", "libraries", "run-command", "python", "credentials-credentials-tool", "credentials-credentials-uri", "credentials-credentials-file"]) {
      await expect(page.getByTestId(id).getByRole("button", { name: /^Copy / })).toBeVisible();
    }

    await page.getByLabel("Public").check();
    await expect(page.getByTestId("public-endpoint-warning")).toContainText("VPC with public access");
    expect(await snippetText(page, "python")).toContain("'https://oss-cn-hangzhou.aliyuncs.com'");
    await shot(page, "setup-3-method1-public-warning");
    await page.getByLabel("Internal (VPC), the default").check();
    await expect(page.getByTestId("public-endpoint-warning")).toHaveCount(0);
    await shot(page, "setup-3-method1-outputs");

    // A half-done setup is a link: a reload (or another browser) lands on the same step with the same answers.
    await page.reload();
    await expect(page.getByLabel("Service name")).toHaveValue("fraud-setup");
    await expect(page.getByLabel("Workspace id")).toHaveValue("38291");

    await page.getByRole("button", { name: "Next: Deploy" }).click();
    await expect(page.getByTestId("preflight-verdict")).toHaveText("No errors: the config is ready to deploy.");
    await expect(page.getByTestId("call-create-service")).toContainText("CreateService");
    expect(await serviceInCloud("fraud-setup").catch((e: { code?: string }) => e.code)).toBe("InvalidService.NotFound");
    await page.getByRole("button", { name: "Create the service" }).click();
    await expect(page.getByTestId("confirm-dialog")).toContainText("Create the service fraud-setup in cn-hangzhou?");
    await page.getByTestId("confirm-dialog").getByRole("button", { name: "Create the service" }).click();
    await expect(page.getByTestId("step-create-service")).toHaveAttribute("data-state", "done");
    await expect(page.getByTestId("service-link")).toHaveAttribute("href", "/services/cn-hangzhou/fraud-setup");
    await expect(page.getByTestId("deployment")).toContainText("Running", { timeout: 15_000 });
    await expect(page.getByTestId("deployment")).toContainText("Deployment finished.");
    await shot(page, "setup-4-method1-deployed");

    const svc = await serviceInCloud("fraud-setup");
    expect(svc.Status).toBe("Running");
    expect(JSON.parse(svc.ServiceConfig)).toEqual(config);
    void cloud;
  });

  test("an account without the PAI service-linked role is told so first", async ({ page, cloud }) => {
    // GetRole of every role answers EntityNotExist.Role, as for an account that never authorized PAI-EAS.
    await cloud.control("PUT", "/_emulator/faults", { operation: "GetRole", errorRate: 1, errorCode: "EntityNotExist.Role", httpStatus: 404 });
    await signIn(page, "bob");
    await page.goto("/setup?step=method1&region=cn-hangzhou&oss=models%3Aread&method=1");
    await expect(page.getByTestId("default-role-missing")).toContainText("no service-linked role AliyunServiceRoleForPaiEas");
    // Said first: before the step's fields and outputs.
    const first = page.locator("section[aria-labelledby=step-heading] > div:nth-child(2) > :first-child");
    await expect(first).toHaveAttribute("data-testid", "default-role-missing");
    await shot(page, "setup-3-method1-no-default-role");
  });

  test("a workspace id no service of the region uses is questioned, the ones they use are offered", async ({ page }) => {
    await signIn(page, "bob");
    await page.goto("/setup?step=method1&region=cn-hangzhou&oss=models%3Aread&method=1");
    const field = page.getByLabel("Workspace id", { exact: true });
    const offered = await page.locator("datalist#known-workspaces option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    // fraud-detector, the one service of cn-hangzhou that names a workspace (translation-api is in another region).
    expect(offered).toEqual(["38291"]);
    await field.fill("38291");
    await expect(page.getByTestId("workspace-unknown")).toHaveCount(0);
    await field.fill("99999");
    await expect(page.getByTestId("workspace-unknown")).toContainText("No service in cn-hangzhou uses workspace 99999.");
    await expect(page.getByTestId("workspace-unknown")).toContainText("38291");
    // A warning, not a rule: the config still takes the id.
    await expect(page.getByTestId("service-config")).toContainText('"workspace_id": "99999"');
    await shot(page, "setup-3-method1-unknown-workspace");
  });
});
