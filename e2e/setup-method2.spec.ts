import { signIn } from "./fixtures/auth";
import { expect, test } from "./fixtures/cloud";
import { customPolicyInCloud, expectAccessible, roleInCloud, serviceInCloud, shot, snippetText } from "./setup-cloud";

const NAS = "0c9a4b4d5f-xrt21.cn-hangzhou.nas.aliyuncs.com";
const IMAGE = "registry.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4";
const writes = (calls: Record<string, number>) => Object.keys(calls).filter((op) => /^(Create|Attach|Update|Delete)/.test(op));

test.describe("setup, Method 2", () => {
  test("creates a least-privilege role end to end: preview, a failure at step 2 of 3, a retry, outputs, deploy to Running", async ({ page, cloud }) => {
    await signIn(page, "alice");
    await page.goto("/setup");
    await page.getByLabel("Region").selectOption("cn-hangzhou");
    await page.getByRole("button", { name: "Add a bucket" }).click();
    await page.getByLabel("Bucket", { exact: true }).fill("models");
    await page.getByLabel("Prefix").fill("asr/");
    await page.getByRole("button", { name: "Add a mount" }).click();
    const mount = page.getByTestId("mount-0");
    await mount.getByLabel("Kind").selectOption("nas");
    await mount.getByLabel("NAS mount target").fill("not-a-nas-host");
    await expect(mount.getByText("NAS mount target must be a NAS mount target like")).toBeVisible();
    await mount.getByLabel("NAS mount target").fill(NAS);
    await mount.getByLabel("Mount path").fill("/mnt/nas");
    await page.getByLabel("Image from Container Registry").fill(IMAGE);
    await shot(page, "setup-1-needs-method2");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Next: Method", exact: true }).click();

    await expect(page.getByTestId("recommendation")).toContainText("This service needs Method 2");
    await expect(page.getByTestId("recommendation")).toContainText("It mounts NAS");
    await expect(page.getByTestId("recommendation")).toContainText("custom image from Container Registry");
    await shot(page, "setup-2-method2-recommended");
    await page.getByRole("button", { name: "Next: Method 2: the role" }).click();

    await page.getByRole("button", { name: "Next: Preview and apply" }).click();
    await expect(page.getByText("Role is required.")).toBeVisible();
    await page.getByLabel("Create a role").check();
    await page.getByLabel("Role name").fill("eas asr");
    await expect(page.getByText("Role name must be a RAM role name: 1–64 letters, digits, dots and hyphens.")).toBeVisible();
    await page.getByLabel("Role name").fill("eas-asr-setup");
    await page.getByLabel("Description").fill("ASR serving");
    await page.getByLabel("Least privilege").check();
    await expect(page.getByTestId("custom-policy")).toContainText("acs:nas:cn-hangzhou:1784200000000001:filesystem/0c9a4b4d5f");
    await shot(page, "setup-3-method2-new-role");

    await cloud.control("DELETE", "/_emulator/stats");
    await page.getByRole("button", { name: "Next: Preview and apply" }).click();
    await expect(page.getByTestId("call-create-role")).toContainText("CreateRole");
    await expect(page.getByTestId("call-create-policy")).toContainText("eas-asr-setup-access");
    await expect(page.getByTestId("call-attach-eas-asr-setup-access")).toContainText("AttachPolicyToRole");
    const trustDoc = JSON.parse((await page.getByTestId("call-create-role").locator("pre").textContent()) ?? "");
    const policyDoc = JSON.parse((await page.getByTestId("call-create-policy").locator("pre").textContent()) ?? "");
    await shot(page, "setup-4-method2-preview");
    await expectAccessible(page);
    // Nothing is written before the preview is confirmed.
    expect(writes((await cloud.control("GET", "/_emulator/stats")).calls as Record<string, number>)).toEqual([]);
    expect(await roleInCloud("eas-asr-setup")).toBeNull();

    await cloud.control("PUT", "/_emulator/faults", { operation: "CreatePolicy", errorRate: 1, errorCode: "InternalError", httpStatus: 500 });
    await page.getByRole("button", { name: "Confirm and apply" }).click();
    await expect(page.getByTestId("failure-report")).toContainText("Stopped at step 2 of 3 (CreatePolicy). Done: 1 (CreateRole). Not done: 1 (AttachPolicyToRole).");
    await expect(page.getByTestId("step-create-role")).toHaveAttribute("data-state", "done");
    await expect(page.getByTestId("step-create-policy")).toHaveAttribute("data-state", "failed");
    await expect(page.getByTestId("step-create-policy")).toContainText("InternalError");
    await expect(page.getByTestId("step-attach-eas-asr-setup-access")).toHaveAttribute("data-state", "not_run");
    await shot(page, "setup-5-method2-failure");
    expect((await roleInCloud("eas-asr-setup"))?.attached).toEqual([]);

    await cloud.control("DELETE", "/_emulator/faults");
    await page.getByRole("button", { name: "Retry the rest" }).click();
    await expect(page.getByTestId("applied")).toBeVisible();
    await expect(page.getByTestId("step-create-role")).toHaveAttribute("data-state", "skipped");
    await expect(page.getByTestId("step-create-policy")).toHaveAttribute("data-state", "done");
    await expect(page.getByTestId("step-attach-eas-asr-setup-access")).toHaveAttribute("data-state", "done");
    await shot(page, "setup-5-method2-applied");

    // The cloud holds exactly the role, trust and attachments previewed.
    const role = await roleInCloud("eas-asr-setup");
    expect(role).toEqual({ trust: trustDoc, attached: ["Custom:eas-asr-setup-access"], arn: "acs:ram::1784200000000001:role/eas-asr-setup" });
    expect(await customPolicyInCloud("eas-asr-setup-access")).toEqual(policyDoc);

    await page.getByRole("button", { name: "Next: Method 2: outputs" }).click();
    await page.getByLabel("Service name").fill("asr-setup");
    // The signed-in admin's own RAM user deploys unless another is chosen.
    await expect(page.getByLabel("Who deploys it")).toHaveValue("alice");
    await page.getByLabel("Who deploys it").selectOption("bob");
    await expect(page.getByTestId("passrole-policy")).toContainText('"Resource": [\n        "acs:ram::1784200000000001:role/eas-asr-setup"');
    await expect(page.getByTestId("finding-PASSROLE_MISSING")).toContainText("The RAM user bob may not pass the role eas-asr-setup");
    await expect(page.getByTestId("passrole-request-link")).toHaveAttribute("href", "/requests?role=eas-asr-setup&ramUser=bob");
    await shot(page, "setup-6-method2-outputs");
    const config = JSON.parse(await snippetText(page, "service-config"));
    expect(config.role_arn).toBe("acs:ram::1784200000000001:role/eas-asr-setup");
    expect(config.options).toEqual({ enable_ram_role: true });
    // JSON boxes show their whole content: nothing hidden behind an inner scroll.
    const clipped = await page.getByTestId("service-config").locator("pre").evaluate((el) => el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth);
    expect(clipped).toBe(false);
    // Deploy checks for the same deployer: bob's missing PassRole blocks it there too.
    await page.getByRole("button", { name: "Next: Deploy" }).click();
    await expect(page.getByTestId("finding-PASSROLE_MISSING")).toBeVisible();
    await expect(page.getByTestId("deploy-blocked")).toBeVisible();
    await page.goBack();
    // A choice made before the page back from history has hydrated is replaced by the address's
    // own: choose again until the step answers for it.
    await expect(async () => {
      await page.getByLabel("Who deploys it").selectOption("");
      await expect(page.getByTestId("preflight-verdict")).toHaveText("No errors: the config is ready to deploy.", { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });

    await page.getByRole("button", { name: "Next: Deploy" }).click();
    await expect(page.getByTestId("preflight-verdict")).toHaveText("No errors: the config is ready to deploy.");
    await page.getByRole("button", { name: "Create the service" }).click();
    await page.getByTestId("confirm-dialog").getByRole("button", { name: "Create the service" }).click();
    await expect(page.getByTestId("deployment")).toContainText("Running", { timeout: 15_000 });
    await expect(page.getByTestId("service-link")).toHaveAttribute("href", "/services/cn-hangzhou/asr-setup");
    await shot(page, "setup-7-method2-deployed");
    const svc = await serviceInCloud("asr-setup");
    expect(svc.Status).toBe("Running");
    expect(JSON.parse(svc.ServiceConfig)).toEqual(config);
  });

  test("a role EAS cannot assume is caught by preflight before deploy, and nothing is deployed", async ({ page, cloud }) => {
    await signIn(page, "alice");
    await page.goto("/setup?step=role&region=cn-hangzhou&image=registry.cn-hangzhou.aliyuncs.com%2Fml-team%2Fasr%3A1.4&method=2&source=existing");
    const row = page.getByTestId("candidate-ecs-batch-role");
    await expect(row).toContainText("EAS cannot assume");
    await expect(page.getByTestId("candidate-eas-llm-serving")).toContainText("EAS can assume");
    await expect(page.getByTestId("candidate-eas-oss-reader").locator("[data-need=image]")).toContainText("needs cr:GetRepository on acs:cr:cn-hangzhou:1784200000000001:repository/ml-team/asr");
    await expect(page.getByTestId("candidate-AliyunServiceRoleForPaiEas")).toHaveCount(0);
    await expect(page.getByTestId("breadth-legacy-admin")).toContainText("full access through AliyunRAMFullAccess");
    await row.getByRole("radio").check();
    await expect(page.getByText("EAS cannot assume ecs-batch-role: a service with it fails to deploy.")).toBeVisible();
    await shot(page, "setup-3-method2-existing-roles");
    await page.getByRole("button", { name: "Next: Method 2: outputs" }).click();
    await page.getByLabel("Service name").fill("churn-setup");
    await expect(page.getByTestId("finding-TRUST_MISSING_EAS")).toContainText("The trust policy of ecs-batch-role does not name eas.pai.aliyuncs.com");
    await page.getByRole("button", { name: "Next: Deploy" }).click();
    await expect(page.getByTestId("finding-TRUST_MISSING_EAS")).toBeVisible();
    await expect(page.getByTestId("deploy-blocked")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create the service" })).toHaveCount(0);
    await shot(page, "setup-8-deploy-blocked");

    // The server refuses it too, whatever the page shows.
    const config = { name: "churn-setup", options: { enable_ram_role: true }, role_arn: "acs:ram::1784200000000001:role/ecs-batch-role" };
    const preview = await (await page.request.post("/api/setup/deploy/preview", { data: { region: "cn-hangzhou", config } })).json();
    const res = await page.request.post("/api/setup/deploy/apply", { data: { region: "cn-hangzhou", config, token: preview.preview.token } });
    expect(res.status()).toBe(409);
    expect((await res.json()).error.code).toBe("preflight_failed");
    expect(await serviceInCloud("churn-setup").catch((e: { code?: string }) => e.code)).toBe("InvalidService.NotFound");
    void cloud;
  });

  test("an engineer runs every step and copies every output; only the cloud writes need an admin", async ({ page, cloud }) => {
    await signIn(page, "bob");
    const qs = "step=preview&region=cn-hangzhou&image=registry.cn-hangzhou.aliyuncs.com%2Fml-team%2Fasr%3A1.4&method=2&source=new&role=eas-bob-role";
    await page.goto(`/setup?${qs}`);
    await expect(page.getByTestId("call-create-role")).toBeVisible();
    await expect(page.getByTestId("admin-only")).toContainText("Only an admin applies these calls.");
    await expect(page.getByRole("button", { name: "Confirm and apply" })).toHaveCount(0);
    await shot(page, "setup-4-preview-engineer");
    const body = { needs: { region: "cn-hangzhou", oss: [], mounts: [], image: IMAGE, other: [] }, roleName: "eas-bob-role", description: "", policyMode: "system" };
    const preview = await (await page.request.post("/api/setup/role/preview", { data: body })).json();
    expect(preview.preview.steps.map((s: { operation: string }) => s.operation)).toEqual(["CreateRole", "AttachPolicyToRole"]);
    const res = await page.request.post("/api/setup/role/apply", { data: { ...body, token: preview.preview.token } });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
    expect(await roleInCloud("eas-bob-role")).toBeNull();

    // An admin opening the same link sees the same preview and may apply it.
    await signIn(page, "alice");
    await page.goto(`/setup?${qs}`);
    await page.getByRole("button", { name: "Confirm and apply" }).click();
    await expect(page.getByTestId("applied")).toBeVisible();
    expect((await roleInCloud("eas-bob-role"))?.attached).toEqual(["System:AliyunContainerRegistryReadOnlyAccess"]);
    void cloud;
  });
});
