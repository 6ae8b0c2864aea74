import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { DEMO_KEYS } from "../../emulator/seed/demo-keys";
import { control, easGateway, ramGateway, type KeyPair } from "../../tests/support/cloud/clients";
import { easTrust, ecsTrust } from "../../tests/support/cloud/eas-scenario";
import { createAuditLog } from "../audit/audit-log";
import { createCloud } from "../cloud/create-cloud";
import type { Cloud } from "../cloud/types";
import { openDatabase } from "../db/connection";
import { sqliteStores } from "../db/sqlite";
import { parseEnv } from "../env";
import { applyFix } from "../fixes/apply-fix";
import { loadFixes } from "../fixes/load-fixes";
import { runPreflight } from "../preflight";
import type { ApprovalDeps } from "../approvals/deps";
import { ADMIN, ENGINEER } from "../../tests/support/actors";
import { createInventoryDeps, type InventoryDeps } from "./deps";
import { invalidateFor } from "./invalidate";
import { loadRoles } from "./load-roles";
import { loadServiceDetail } from "./load-service-detail";
import { loadServices } from "./load-services";
import { loadRoleDetail } from "./role-detail";

// A role RAM names `EasMixedCase` and services whose role_arn writes it as RAM's ARN does, in lower
// case (copied from the RAM console), or in yet another case: one role everywhere the console looks.

const HZ = "cn-hangzhou";
const UID = "1784200000000001";
const bob: KeyPair = { accessKeyId: DEMO_KEYS.bob.id, accessKeySecret: DEMO_KEYS.bob.secret };
const arnAs = (written: string) => `acs:ram::${UID}:role/${written}`;
const svc = (name: string, roleArn: string) => ({ name, metadata: { instance: 1, cpu: 2, memory: 4000 }, options: { enable_ram_role: true }, role_arn: roleArn, containers: [{ image: "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/python-inference:py310", port: 8000 }] });

let emu: RunningEmulator;
let cloud: Cloud;
let deps: ApprovalDeps;
let shared: InventoryDeps;
const fresh = () => createInventoryDeps(cloud, { ttlMs: 0 });
const settle = () => control(emu.url, "POST", "/_emulator/settle");

beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20, log: () => {} });
  cloud = createCloud(parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emu.port}`, ROLESCOPE_REGIONS: Object.keys(emu.regionPorts).join(",") }));
  shared = createInventoryDeps(cloud);
  const stores = sqliteStores(openDatabase(":memory:"));
  const writes: ApprovalDeps["writes"] = { cloud, audit: createAuditLog(stores.audit), invalidate: (c) => invalidateFor(shared, ...c), readOnly: false, claims: stores.planClaims };
  deps = { stores, inventory: shared, writes, publish: async () => {}, now: () => new Date(), worker: "role-case", leaseMs: 60_000 };
  const ram = ramGateway(emu.port);
  await ram.createRole({ roleName: "EasMixedCase", assumeRolePolicyDocument: easTrust });
  await ram.attachPolicyToRole({ policyName: "AliyunOSSReadOnlyAccess", policyType: "System", roleName: "EasMixedCase" });
  await easGateway(emu).createService(HZ, JSON.stringify(svc("case-svc", arnAs("easmixedcase"))));
  await easGateway(emu).createService(HZ, JSON.stringify(svc("case-svc-b", arnAs("EASMIXEDCASE"))));
  await settle();
});
afterAll(() => emu.close());

describe("one role whatever the case of its name", () => {
  it("GetRole answers RAM's RoleName and the lower-case ARN for either spelling", async () => {
    for (const name of ["EasMixedCase", "easmixedcase"]) expect(await cloud.ram.getRole(name)).toMatchObject({ roleName: "EasMixedCase", arn: arnAs("easmixedcase") });
  });

  it("the role list has one row for it, used by both services", async () => {
    const { rows, usageError } = await loadRoles(fresh(), ENGINEER, Object.keys(emu.regionPorts));
    expect(usageError).toBeUndefined();
    const mine = rows.filter((r) => r.name.toLowerCase() === "easmixedcase");
    expect(mine.map((r) => [r.name, r.usedBy.map((s) => s.name)])).toEqual([["EasMixedCase", ["case-svc", "case-svc-b"]]]);
  });

  it("the role page, opened by either spelling, shows RAM's name and both services", async () => {
    for (const name of ["EasMixedCase", "easmixedcase", "EASMIXEDCASE"]) {
      const d = await loadRoleDetail(fresh(), ENGINEER, name);
      expect([d.role.roleName, d.usage.services.map((s) => s.name), d.usage.error]).toEqual(["EasMixedCase", ["case-svc", "case-svc-b"], undefined]);
    }
  });

  it("health is ok in the service list and on the service, and the diagnosis finds nothing wrong", async () => {
    const { rows } = await loadServices(fresh(), ENGINEER, [HZ]);
    for (const name of ["case-svc", "case-svc-b"]) expect(rows.find((r) => r.name === name)).toMatchObject({ status: "Running", roleName: "EasMixedCase", health: { state: "ok", issues: [] } });
    const d = await loadFixes(fresh(), ENGINEER, HZ, "case-svc");
    expect([d.service.status, d.diagnosis.cause.code, d.health.state]).toEqual(["Running", "NONE", "ok"]);
    const detail = await loadServiceDetail(fresh(), ENGINEER, HZ, "case-svc");
    expect([detail.role?.name, detail.role?.arn, detail.health.state]).toEqual(["EasMixedCase", arnAs("easmixedcase"), "ok"]);
  });

  it("preflight takes role_arn and credential.role_arn that differ only in case as one role, and finds it", async () => {
    const config = { ...svc("pre", arnAs("easmixedcase")), credential: { role_arn: arnAs("EasMixedCase") } };
    const a = await runPreflight(fresh(), ENGINEER, { config, region: HZ });
    expect([a.method, a.findings.map((f) => f.code)]).toEqual(["custom", []]);
  });

  it("PASSROLE_DENIED for a mixed-case role: the grant names its lower-case ARN, and bob's update runs", async () => {
    const ram = ramGateway(emu.port);
    await ram.createRole({ roleName: "CasePassRole", assumeRolePolicyDocument: easTrust });
    await easGateway(emu, bob).createService(HZ, JSON.stringify(svc("case-pass", arnAs("casepassrole"))));
    await settle();
    const d = await loadFixes(fresh(), ADMIN, HZ, "case-pass");
    expect(d.diagnosis.cause).toMatchObject({ code: "PASSROLE_DENIED", values: { user: "bob", role: "CasePassRole" } });
    const grant = d.fixes.find((f) => f.id === "grant-passrole")!;
    expect(JSON.parse(String(grant.preview.steps[0].params.PolicyDocument)).Statement[0].Resource).toEqual([arnAs("casepassrole")]);
    const out = await applyFix(deps, ADMIN, HZ, "case-pass", "grant-passrole", { token: grant.preview.token });
    expect(out.ok, JSON.stringify(out.steps)).toBe(true);
    await easGateway(emu, bob).updateService(HZ, "case-pass", "{}");
    await settle();
    const after = await loadFixes(fresh(), ENGINEER, HZ, "case-pass");
    expect([after.service.status, after.diagnosis.cause.code]).toEqual(["Running", "NONE"]);
  });

  it("TRUST_MISSING_EAS for a mixed-case role named in lower case: the fix updates that role", async () => {
    await ramGateway(emu.port).createRole({ roleName: "CaseEcsOnly", assumeRolePolicyDocument: ecsTrust });
    await easGateway(emu).createService(HZ, JSON.stringify(svc("case-trust", arnAs("caseecsonly"))));
    await settle();
    const d = await loadFixes(fresh(), ADMIN, HZ, "case-trust");
    expect(d.diagnosis.cause).toMatchObject({ code: "TRUST_MISSING_EAS", subject: "CaseEcsOnly", values: { role: "CaseEcsOnly" } });
    const fix = d.fixes.find((f) => f.id === "add-eas-trust")!;
    expect((await applyFix(deps, ADMIN, HZ, "case-trust", "add-eas-trust", { token: fix.preview.token })).ok).toBe(true);
    await easGateway(emu).updateService(HZ, "case-trust", "{}");
    await settle();
    expect((await loadFixes(fresh(), ENGINEER, HZ, "case-trust")).service.status).toBe("Running");
  });
});
