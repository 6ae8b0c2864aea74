import { expect, test } from "./fixtures/cloud";
import { signIn } from "./fixtures/auth";
import { ACCOUNT_ID, createServiceAsAccount, ram, serviceConfig } from "./fixtures/approvals-cloud";
import { shot } from "./setup-cloud";

// A deployment still in flight is not "nothing failed": its page says it is deploying and what
// the readiness rules predict, and the failure itself replaces the prediction once it settles.

// The deployment is held for ten minutes and the page polls it while it waits.
test.setTimeout(60_000);

test("a deployment in flight shows what the rules predict, then the failure once it settles", async ({ page, cloud }) => {
  const rootOnly = { Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { RAM: [`acs:ram::${ACCOUNT_ID}:root`] } }] };
  await ram("CreateRole", { RoleName: "inflight-root-only", AssumeRolePolicyDocument: JSON.stringify(rootOnly) });
  await cloud.control("PUT", "/_emulator/deploy-delay", { ms: 600_000 });
  await createServiceAsAccount(serviceConfig("inflight_svc", "inflight-root-only"));

  await signIn(page, "bob");
  await page.goto("/services/cn-hangzhou/inflight_svc");
  const cause = page.getByTestId("diagnosis").getByTestId("cause");
  await expect(cause).toHaveAttribute("data-cause", "NONE");
  await expect(cause).toContainText("The service is deploying (Creating)");
  // Not "Healthy": the badge says what the rules expect of the deployment under way.
  await expect(cause.getByText("Will fail", { exact: true })).toBeVisible();
  const predicted = cause.getByTestId("predicted");
  await expect(predicted).toHaveAttribute("data-cause", "TRUST_MISSING_EAS");
  await expect(predicted).toContainText("This deployment will fail");
  await expect(predicted).toContainText("inflight-root-only");
  for (const width of [1440, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await shot(page, `diagnosis-in-flight-${width}`);
  }

  await cloud.settle();
  await page.reload();
  await expect(cause).toHaveAttribute("data-cause", "TRUST_MISSING_EAS");
  await expect(cause.getByTestId("predicted")).toHaveCount(0);
});
