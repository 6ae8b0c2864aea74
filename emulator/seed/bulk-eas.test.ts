import { describe, expect, it } from "vitest";
import { buildEasTrustPolicy } from "../../lib/policy/builders";
import { createEasModule } from "../eas/index";
import { allowPolicy, createTestRam, request, rootCaller, testContext } from "../../tests/support/cloud/test-ram";
import { seedBulkServices } from "./bulk-eas";

describe("seedBulkServices", () => {
  it("creates N settled services over every region and role, and a second run adds N more", () => {
    const ram = createTestRam();
    ram.roles.set("bulk-a", { trust: buildEasTrustPolicy(), policies: [allowPolicy("oss", ["oss:*"])] });
    ram.roles.set("bulk-b", { trust: buildEasTrustPolicy(), policies: [] });
    const regions = ["cn-hangzhou", "ap-southeast-1"];
    const eas = createEasModule({ regions, deployDelayMs: 60_000, ram: ram.view, onChange: () => undefined });
    expect(seedBulkServices(eas, ram.view, rootCaller, { services: 400, roleNames: ["bulk-a", "bulk-b"], regions })).toBe(400);
    const list = (region: string) => eas.handle(request("GET", "/api/v2/services", { PageSize: "100" }), testContext(ram.view, rootCaller, { region })).body;
    expect(list("cn-hangzhou").TotalCount).toBe(200);
    expect(list("ap-southeast-1").TotalCount).toBe(200);
    const snapshot = eas.snapshot() as { services: { pending?: unknown; status: string; serviceConfig: string }[] };
    expect(snapshot.services.every((s) => s.pending === undefined)).toBe(true);
    const statuses = new Set(snapshot.services.map((s) => s.status));
    expect(statuses.has("Running")).toBe(true);
    expect(statuses.has("Failed")).toBe(true);
    expect(snapshot.services.some((s) => s.serviceConfig.includes("role/bulk-b"))).toBe(true);
    expect(seedBulkServices(eas, ram.view, rootCaller, { services: 10, roleNames: [], regions })).toBe(10);
    expect((eas.snapshot() as { services: unknown[] }).services).toHaveLength(410);
    eas.dispose();
  });
});
