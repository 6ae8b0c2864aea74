import Credential, { Config as CredentialConfig } from "@alicloud/credentials";
import OpenApi, { $OpenApiUtil } from "@alicloud/openapi-core";
import Ram, * as $Ram from "@alicloud/ram20150501";
import * as $dara from "@darabonba/typescript";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from "../emulator/core/defaults";

// What the emulator holds after a setup, read through the official SDKs (as any RAM or EAS
// client would), so the specs check the cloud and not only the page.

const PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4710);
const credential = () => new Credential(new CredentialConfig({ type: "access_key", accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET }));
const config = (port: number) => new $OpenApiUtil.Config({ credential: credential(), endpoint: `127.0.0.1:${port}`, protocol: "HTTP", readTimeout: 5000, connectTimeout: 5000 });

export const ram = () => new Ram(config(PORT));
export { $Ram };

/** The role's trust policy (parsed) and its attached policies, or null when RAM has no such role. */
export async function roleInCloud(name: string): Promise<{ trust: unknown; attached: string[]; arn: string } | null> {
  const client = ram();
  try {
    const role = (await client.getRole(new $Ram.GetRoleRequest({ roleName: name }))).body!.role!;
    const list = (await client.listPoliciesForRole(new $Ram.ListPoliciesForRoleRequest({ roleName: name }))).body!.policies!.policy ?? [];
    return { trust: JSON.parse(role.assumeRolePolicyDocument!), attached: list.map((p) => `${p.policyType}:${p.policyName}`), arn: role.arn! };
  } catch (e) {
    if ((e as { code?: string }).code === "EntityNotExist.Role") return null;
    throw e;
  }
}

export async function customPolicyInCloud(name: string): Promise<unknown> {
  const p = (await ram().getPolicy(new $Ram.GetPolicyRequest({ policyName: name, policyType: "Custom" }))).body!;
  return JSON.parse(p.defaultPolicyVersion!.policyDocument!);
}

/** DescribeService in cn-hangzhou (the emulator's first EAS region port). */
export async function serviceInCloud(name: string): Promise<{ Status: string; ServiceConfig: string }> {
  const client = new OpenApi(config(PORT + 1));
  const params = new $OpenApiUtil.Params({ action: "DescribeService", version: "2021-07-01", protocol: "HTTP", pathname: `/api/v2/services/cn-hangzhou/${name}`, method: "GET", authType: "AK", style: "ROA", reqBodyType: "json", bodyType: "json" });
  const res = (await client.callApi(params, new $OpenApiUtil.OpenApiRequest({}), new $dara.RuntimeOptions({}))) as { body: { Status: string; ServiceConfig: string } };
  return res.body;
}

/** The text of a snippet on the page (its <pre>), by the test id of its figure. */
export async function snippetText(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).locator("pre").textContent()) ?? "";
}

export const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/screens/${name}.png`, fullPage: true });

/** No serious or critical accessibility violation on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
