import Credential, { Config as CredentialConfig } from "@alicloud/credentials";
import { describe, expect, it } from "vitest";
import { RAM_OPERATIONS } from "../../emulator/ram/operations";
import { resourceMatches } from "../policy";
import { createActionTrailGateway } from "./actiontrail-gateway";
import { createEasGateway } from "./eas-gateway";
import { CLOUD_OPERATIONS, WRITE_METHODS, operationOf } from "./operations";
import { createRamAuditGateway } from "./ram-audit-gateway";
import { createRamGateway } from "./ram-gateway";

// The operations table must name every gateway method: the console's policy and read-only mode
// are built from it, so a method missing here would be a call the policy forgot.

const credential = new Credential(new CredentialConfig({ type: "access_key", accessKeyId: "x", accessKeySecret: "y" }));
const ram = createRamGateway({ endpoint: "127.0.0.1:1", protocol: "HTTP", credential });
const eas = createEasGateway({ regions: ["cn-hangzhou"], endpointFor: () => "127.0.0.1:1", protocol: "HTTP", credential });
const methodsOf = (prefix: string, gw: object) => Object.entries(gw).filter(([, v]) => typeof v === "function").map(([k]) => `${prefix}.${k}`);
const actiontrail = createActionTrailGateway({ endpoint: "127.0.0.1:1", region: "cn-hangzhou", protocol: "HTTP", credential });
const GATEWAY_METHODS = [...methodsOf("ram", ram), ...methodsOf("eas", eas), ...methodsOf("actiontrail", actiontrail), ...methodsOf("ramAudit", createRamAuditGateway({ endpoint: "127.0.0.1:1", protocol: "HTTP", credential }))].sort();

describe("the cloud operations table", () => {
  it("finds the gateways' methods (the scan works)", () => {
    expect(GATEWAY_METHODS).toEqual(expect.arrayContaining(["ram.getRole", "ram.getCallerIdentity", "eas.listServices", "eas.createService"]));
  });

  it("names every gateway method, and no method the gateways lack", () => {
    const listed = CLOUD_OPERATIONS.flatMap((o) => o.methods).sort();
    expect(GATEWAY_METHODS.filter((m) => !listed.includes(m)), "gateway methods missing from lib/cloud/operations.ts").toEqual([]);
    expect(listed.filter((m) => !GATEWAY_METHODS.includes(m)), "entries for methods no gateway has").toEqual([]);
    expect(new Set(listed).size, "a method listed twice").toBe(listed.length);
  });

  it("gives each operation the action RAM checks for it, and marks what writes", () => {
    for (const o of CLOUD_OPERATIONS) {
      if (o.action !== null) expect(o.action, o.operation).toBe(`${o.service}:${o.operation}`);
    }
    expect(operationOf("ram.updateRoleTrust")).toMatchObject({ operation: "UpdateRole", kind: "write" });
    expect(operationOf("eas.describeServiceEvents")).toMatchObject({ operation: "DescribeServiceEvent", kind: "read" });
    expect(operationOf("ram.getCallerIdentity")).toMatchObject({ action: null, kind: "read" });
    expect([...WRITE_METHODS].every((m) => operationOf(m)?.kind === "write")).toBe(true);
  });

  it("names for each RAM operation a resource that covers the one RAM (the emulator) checks", () => {
    const uid = "1784200000000001";
    const params = { RoleName: "r1", UserName: "u1", GroupName: "g1", PolicyName: "p1", PolicyType: "Custom" };
    // The permission audit's two operations (ramAudit.*) are served apart from RAM_OPERATIONS and authorised on "*".
    for (const o of CLOUD_OPERATIONS.filter((x) => x.service === "ram" && x.methods.every((m) => m.startsWith("ram.")))) {
      const emulated = RAM_OPERATIONS[o.operation];
      expect(emulated, `${o.operation} is a RAM operation`).toBeDefined();
      const checked = emulated.resource(params, uid);
      const resource = String(o.resource);
      expect(resourceMatches(resource, checked), `${o.operation}: ${resource} covers ${checked}`).toBe(true);
      // Not broader than needed: a role action does not cover a user, and so on.
      if (resource !== "*") expect(resourceMatches(resource, `acs:ram:*:${uid}:other/x`), o.operation).toBe(false);
    }
  });
});
