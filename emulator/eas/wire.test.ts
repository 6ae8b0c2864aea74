import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../server";
import { easCall } from "../../tests/support/cloud/clients";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20 });
});
afterAll(() => emu.close());

const HZ = "cn-hangzhou";
// The Service fields of the 2021-07-01 API that the console or its checks read.
const SERVICE_FIELDS = [
  "ServiceName", "ServiceId", "ServiceUid", "Region", "Status", "Reason", "Message", "ServiceConfig", "Role", "RoleAttrs",
  "CreateTime", "UpdateTime", "RunningInstance", "PendingInstance", "TotalInstance", "CurrentVersion", "LatestVersion",
  "Image", "Cpu", "Memory", "Gpu", "InternetEndpoint", "IntranetEndpoint", "CallerUid", "ParentUid", "WorkspaceId", "Labels",
];

describe("the Service object on the wire", () => {
  it("DescribeService answers Role and RoleAttrs at top level with the other Service fields", async () => {
    const body = await easCall(emu.regionPorts[HZ], { action: "DescribeService", method: "GET", pathname: `/api/v2/services/${HZ}/fraud-detector` });
    expect(Object.keys(body)).toEqual(expect.arrayContaining(["RequestId", ...SERVICE_FIELDS]));
    expect(body).toMatchObject({ ServiceName: "fraud-detector", Role: "Standard", RoleAttrs: "" });
    expect(typeof body.ServiceConfig).toBe("string");
  });

  it("ListServices answers Role and RoleAttrs on every item", async () => {
    const body = await easCall(emu.regionPorts[HZ], { action: "ListServices", method: "GET", pathname: "/api/v2/services", query: { PageSize: "50" } });
    const services = body.Services as Record<string, unknown>[];
    expect(services.length).toBe(body.TotalCount);
    for (const s of services) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(SERVICE_FIELDS));
      expect([typeof s.Role, typeof s.RoleAttrs]).toEqual(["string", "string"]);
      expect(s.Role).toBe("Standard");
    }
  });
});
