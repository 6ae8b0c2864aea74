import { expect, test } from "./fixtures/cloud";
import { signIn } from "./fixtures/auth";
import { ACCOUNT_ID, createServiceAs, ram, serviceConfig } from "./fixtures/approvals-cloud";

// RAM role names ignore case, and RAM writes them lower-case in ARNs, so a service's role_arn copied
// from the RAM console names `EasMixedCase` as `easmixedcase`. The console shows one role: RAM's
// RoleName, used by the service, on the role page opened by either spelling and in the list.

const TRUST = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } }] });
const ARN = `acs:ram::${ACCOUNT_ID}:role/easmixedcase`;

test("a role named EasMixedCase, used by a service whose role_arn writes it in lower case, is one role", async ({ page, cloud, baseURL }) => {
  // It makes a role and deploys a service before it looks: more than one page visit's time.
  test.setTimeout(90_000);
  await ram("CreateRole", { RoleName: "EasMixedCase", AssumeRolePolicyDocument: TRUST, Description: "Mixed-case name" });
  await ram("AttachPolicyToRole", { RoleName: "EasMixedCase", PolicyType: "System", PolicyName: "AliyunOSSReadOnlyAccess" });
  expect(((await ram("GetRole", { RoleName: "easmixedcase" })).Role as { Arn: string }).Arn).toBe(ARN);
  await createServiceAs("alice", serviceConfig("case-svc", "easmixedcase"));
  await cloud.settle();

  await signIn(page, "bob");
  for (const what of ["services", "roles"]) await page.request.post("/api/refresh", { data: { what }, headers: { origin: baseURL! } });

  for (const spelling of ["EasMixedCase", "easmixedcase"]) {
    await page.goto(`/roles/${spelling}`);
    await expect(page.getByRole("heading", { level: 1, name: "EasMixedCase" })).toBeVisible();
    await expect(page.getByTestId("role-arn")).toHaveText(ARN);
    await expect(page.getByTestId("role-services").getByRole("link", { name: "case-svc" })).toHaveAttribute("href", "/services/cn-hangzhou/case-svc");
  }
  // The trust graph: EAS and the role, as for any role.
  await expect(page.locator("#trust-panel").locator(".react-flow__node")).toHaveCount(2);
  await page.screenshot({ path: "e2e/screens/role-case-detail-1440.png", fullPage: true });

  await page.goto("/roles?q=easmixedcase");
  const rows = page.locator('[data-testid^="role-row-"]');
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId("role-row-EasMixedCase")).toContainText("case-svc");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "e2e/screens/role-case-list-1280.png", fullPage: true });

  // The service names the role as RAM does, healthy, and links to the one role page.
  await page.goto("/services/cn-hangzhou/case-svc");
  await expect(page.getByRole("link", { name: "EasMixedCase" }).first()).toHaveAttribute("href", "/roles/EasMixedCase");
});
