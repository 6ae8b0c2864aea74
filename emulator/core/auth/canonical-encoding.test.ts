import * as $Ram from "@alicloud/ram20150501";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudError } from "../../../lib/cloud/types";
import { createEmulator, type RunningEmulator } from "../../server";
import { easCall, easGateway, ramClient, rejection } from "../../../tests/support/cloud/clients";

const HZ = "cn-hangzhou";
// Every character class a request can carry that RFC 3986 treats differently from encodeURIComponent,
// plus space, plus, percent, a non-ASCII letter and the path separator.
const TRICKY = ["it's", "a(b)", "x*y", "bang!", "til~de", "sp ace", "plus+sign", "per%cent", "café", "sl/ash", "' ( ) * ! ~ space + % é /"];

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20 });
});
afterAll(() => emu.close());

async function cloudCode(p: Promise<unknown>): Promise<string> {
  const e = await rejection<CloudError>(p);
  expect(e).toBeInstanceOf(CloudError);
  return e.code;
}

describe("the console's EAS gateway and the emulator agree on the canonical encoding", () => {
  const eas = () => easGateway(emu, undefined, { retries: 0, baseDelayMs: 1, maxDelayMs: 1 });

  it.each(TRICKY)("path segment %j: the service is not found, the signature matches", async (name) => {
    expect(await cloudCode(eas().describeService(HZ, name))).toBe("InvalidService.NotFound");
    expect(await cloudCode(eas().listServiceInstances(HZ, name))).toBe("InvalidService.NotFound");
    expect(await cloudCode(eas().updateService(HZ, name, "{}"))).toBe("InvalidService.NotFound");
  });

  it.each(TRICKY)("query value %j: answered, not refused", async (value) => {
    const list = await eas().listServices(HZ, { serviceName: value });
    expect(list.totalCount).toBe(0);
    const events = await eas().describeServiceEvents(HZ, "fraud-detector", { instanceName: value });
    expect(events.items).toEqual([]);
    expect(await cloudCode(eas().describeServiceEvents(HZ, "fraud-detector", { startTime: value }))).toBe("InvalidParameter");
  });

  it("a name in the body that breaks EAS's naming rule is InvalidParameter.ServiceName", async () => {
    expect(await cloudCode(eas().createService(HZ, JSON.stringify({ name: "it's" })))).toBe("InvalidParameter.ServiceName");
  });

  it("RAM names and documents through the official SDK", async () => {
    for (const roleName of TRICKY) {
      const e = await rejection<{ code: string }>(ramClient(emu.port).getRole(new $Ram.GetRoleRequest({ roleName })));
      expect([roleName, e.code]).toEqual([roleName, "EntityNotExist.Role"]);
    }
    const description = TRICKY.join(" | ");
    const policy = await ramClient(emu.port).createPolicy(
      new $Ram.CreatePolicyRequest({ policyName: "tricky-chars", description, policyDocument: JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "oss:GetObject", Resource: `acs:oss:*:*:${TRICKY.join("")}` }] }) }),
    );
    expect(policy.body?.policy?.description).toBe(description);
  });

  it("a path signed in a form other than RFC 3986 does not match, as with the cloud", async () => {
    const port = emu.regionPorts[HZ];
    const signedRaw = await rejection<{ code: string }>(easCall(port, { action: "DescribeService", method: "GET", pathname: `/api/v2/services/${HZ}/it's` }));
    expect(signedRaw.code).toBe("SignatureDoesNotMatch");
    const canonical = await rejection<{ code: string }>(easCall(port, { action: "DescribeService", method: "GET", pathname: `/api/v2/services/${HZ}/it%27s` }));
    expect(canonical.code).toBe("InvalidService.NotFound");
  });
});
