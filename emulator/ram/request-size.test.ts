import * as $Ram from "@alicloud/ram20150501";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_PERMISSION_POLICY_CHARS } from "../../lib/policy";
import { createEmulator, type RunningEmulator } from "../server";
import { ramClient, rejection } from "../../tests/support/cloud/clients";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "empty" });
});
afterAll(() => emu.close());

/**
 * A valid, pretty-printed permission policy of exactly `length` characters. Its quotes, spaces,
 * colons and slashes are percent-encoded in the query, so the request line is about twice as long.
 */
function documentOf(length: number): string {
  const render = (resources: string[]) =>
    JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: ["oss:GetObject"], Resource: resources }] }, null, 2);
  const resources: string[] = [];
  while (render([...resources, `acs:oss:*:*:bucket-${resources.length}/models/*`]).length <= length) {
    resources.push(`acs:oss:*:*:bucket-${resources.length}/models/*`);
  }
  resources[resources.length - 1] += "x".repeat(length - render(resources).length);
  const doc = render(resources);
  expect(doc.length).toBe(length);
  return doc;
}

describe("request lines and headers up to 64 KiB", () => {
  it("answers a 10,599-character policy document sent by the official SDK with RAM's own length error", async () => {
    expect(encodeURIComponent(documentOf(10_599)).length).toBeGreaterThan(16 * 1024);
    const e = await rejection<{ code: string; statusCode: number; requestId: string }>(
      ramClient(emu.port).createPolicy(new $Ram.CreatePolicyRequest({ policyName: "too-long", policyDocument: documentOf(10_599) })),
    );
    expect([e.code, e.statusCode]).toEqual(["InvalidParameter.PolicyDocument.Length", 400]);
    expect(e.requestId).toMatch(/^[0-9A-F-]{36}$/);
  });

  it("creates a policy exactly at RAM's limit", async () => {
    const doc = documentOf(MAX_PERMISSION_POLICY_CHARS);
    const r = await ramClient(emu.port).createPolicy(new $Ram.CreatePolicyRequest({ policyName: "at-the-limit", policyDocument: doc }));
    expect(r.body?.policy?.policyName).toBe("at-the-limit");
    const got = await ramClient(emu.port).getPolicy(new $Ram.GetPolicyRequest({ policyName: "at-the-limit", policyType: "Custom" }));
    expect(got.body?.policy?.policyDocument).toBe(doc);
  });

  it("answers a request line past 64 KiB with a JSON error instead of an empty reply", async () => {
    const res = await fetch(`${emu.url}/?Action=GetRole&RoleName=${"r".repeat(70_000)}`, { method: "POST" });
    expect(res.status).toBe(431);
    expect(await res.json()).toMatchObject({ Code: "RequestHeaderFieldsTooLarge" });
  });
});
