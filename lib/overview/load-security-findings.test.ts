import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { control } from "../../tests/support/cloud/clients";
import { ENGINEER } from "../../tests/support/actors";
import { createCloud } from "../cloud/create-cloud";
import { parseEnv } from "../env";
import { createInventoryDeps, type InventoryDeps } from "../inventory/deps";
import { loadRoles } from "../inventory/load-roles";
import { loadSecurityFindings, type SecurityFinding } from "./load-security-findings";

let emulator: RunningEmulator;
let deps: InventoryDeps;
const stats = async () => (await control(`http://127.0.0.1:${emulator.port}`, "GET", "/_emulator/stats")).json.calls as Record<string, number>;

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} });
  deps = createInventoryDeps(createCloud(parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}` })), { ttlMs: 60_000 });
});
afterAll(() => emulator?.close());

const name = (f: SecurityFinding) => (f.document.kind === "trust" ? `trust:${f.document.role}` : f.document.name);

describe("security warnings of the demo account", () => {
  it("finds PassRole on every role, account-root trust and an expired condition, worst first, with where each applies", async () => {
    // A grant only a RAM user holds: no role page shows it.
    await deps.cloud.ram.createPolicy({ policyName: "PassRole-wide", policyDocument: JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "ram:PassRole", Resource: "*" }] }) });
    await deps.cloud.ram.attachPolicyToUser({ policyName: "PassRole-wide", policyType: "Custom", userName: "carol" });
    const { findings } = await loadSecurityFindings(deps, ENGINEER);
    const seen = findings.map((f) => `${name(f)} ${f.code}`);
    expect(seen).toEqual(expect.arrayContaining([
      "AliyunRAMFullAccess PASSROLE_ANY_RESOURCE",
      "trust:data-pipeline TRUST_ACCOUNT_ROOT",
      "trust:legacy-admin TRUST_ACCOUNT_ROOT",
      "temp-debug-access EXPIRED_CONDITION",
    ]));
    const passRole = findings.find((f) => f.code === "PASSROLE_ANY_RESOURCE")!;
    expect(passRole).toMatchObject({ severity: "security-warning", path: "Statement[0].Resource[0]" });
    expect(passRole.attachedTo).toEqual(expect.arrayContaining([{ kind: "role", name: "legacy-admin" }, { kind: "user", name: "alice" }]));
    // Suggestions and the trust-without-EAS finding (it has its own panel) are left out.
    expect(findings.every((f) => ["error", "security-warning", "warning"].includes(f.severity))).toBe(true);
    expect(seen.some((s) => s.includes("TRUST_MISSING_EAS"))).toBe(false);
    // A policy no role holds is shown by the panel itself, so its name links somewhere too.
    const userOnly = findings.filter((f) => !f.attachedTo.some((h) => h.kind === "role"));
    expect(userOnly.map(name)).toEqual(expect.arrayContaining(["PassRole-wide", "AliyunPAIEASFullAccess"]));
    for (const f of userOnly) expect(JSON.parse(f.documentText!)).toMatchObject({ Version: "1" });
    for (const f of findings) expect(f.attachedTo.some((h) => h.kind === "role") || f.documentText !== undefined).toBe(true);
    const ranks = findings.map((f) => ["error", "security-warning", "warning"].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("reads each role, user, group and distinct policy once, through the cache the roles list fills", async () => {
    const fresh = createInventoryDeps(deps.cloud, { ttlMs: 60_000 });
    await control(`http://127.0.0.1:${emulator.port}`, "DELETE", "/_emulator/stats");
    await loadRoles(fresh, ENGINEER, fresh.cloud.eas.regions);
    const afterList = await stats();
    await loadSecurityFindings(fresh, ENGINEER);
    const afterFindings = await stats();
    // Roles, their trust and attachments, users and groups were read by the list already.
    for (const op of ["ListRoles", "GetRole", "ListPoliciesForRole", "ListUsers", "ListPoliciesForUser", "ListGroups", "ListPoliciesForGroup"]) {
      expect(afterFindings[op] ?? 0, op).toBe(afterList[op] ?? 0);
    }
    // Only the role policies' documents are new, one GetPolicy each, however many hold them.
    const getPolicy = (afterFindings.GetPolicy ?? 0) - (afterList.GetPolicy ?? 0);
    expect(getPolicy).toBeGreaterThan(0);
    expect(getPolicy).toBeLessThanOrEqual(12);
    await loadSecurityFindings(fresh, ENGINEER);
    expect(await stats()).toEqual(afterFindings);
  });
});
