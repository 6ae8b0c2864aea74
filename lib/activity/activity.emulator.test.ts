import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { control, easGateway, ramGateway } from "../../tests/support/cloud/clients";
import { easTrust } from "../../tests/support/cloud/eas-scenario";
import { ADMIN, ENGINEER } from "../../tests/support/actors";
import { createAuditLog } from "../audit/audit-log";
import { createCloud } from "../cloud/create-cloud";
import type { Cloud } from "../cloud/types";
import { openDatabase } from "../db/connection";
import { sqliteStores } from "../db/sqlite";
import { parseEnv } from "../env";
import { createInventoryDeps, type InventoryDeps } from "../inventory/deps";
import { invalidateFor } from "../inventory/invalidate";
import { evaluate } from "../policy";
import type { WriteDeps } from "../writes/run-plan";
import { loadRoleActivity } from "./load-role-activity";
import { applyRightSize, offerRightSize } from "./right-size";

// A role made with the RAM SDK, a service deployed with it, its session's calls recorded through
// the emulator's control API; the console reads them back through ActionTrail and RAM's
// permission audit as it would in an account.

const HZ = "cn-hangzhou";
const UID = "1784200000000001";
const ROLE = "RightSizeMe";
const IMAGE_REPO = `acs:cr:${HZ}:${UID}:repository/ml-team/fraud`;
const config = {
  name: "fraud-rightsize",
  metadata: { instance: 1, cpu: 2, memory: 4000 },
  options: { enable_ram_role: true },
  role_arn: `acs:ram::${UID}:role/${ROLE.toLowerCase()}`,
  storage: [{ oss: { path: "oss://datasets/train/", readOnly: true }, mount_path: "/data" }],
  containers: [{ image: `registry-vpc.${HZ}.aliyuncs.com/ml-team/fraud:3`, port: 8000 }],
};

let emu: RunningEmulator;
let cloud: Cloud;
let writes: WriteDeps;
let shared: InventoryDeps;
const fresh = () => createInventoryDeps(cloud, { ttlMs: 0 });
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
const allows = (doc: Parameters<typeof evaluate>[1][0]["document"], action: string, resource: string) =>
  evaluate({ principal: { type: "RamRole", name: ROLE } as never, action, resource }, [{ name: "proposal", document: doc }]).decision === "Allow";

beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20, log: () => {} });
  cloud = createCloud(parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emu.port}`, ROLESCOPE_REGIONS: Object.keys(emu.regionPorts).join(",") }));
  shared = createInventoryDeps(cloud);
  const stores = sqliteStores(openDatabase(":memory:"));
  writes = { cloud, audit: createAuditLog(stores.audit), invalidate: (c) => invalidateFor(shared, ...c), readOnly: false, claims: stores.planClaims };
  const ram = ramGateway(emu.port);
  await ram.createRole({ roleName: ROLE, assumeRolePolicyDocument: easTrust });
  await ram.attachPolicyToRole({ policyName: "AliyunOSSFullAccess", policyType: "System", roleName: ROLE });
  await ram.attachPolicyToRole({ policyName: "AliyunContainerRegistryReadOnlyAccess", policyType: "System", roleName: ROLE });
  await easGateway(emu).createService(HZ, JSON.stringify(config));
  await control(emu.url, "POST", "/_emulator/settle");
  await control(emu.url, "POST", "/_emulator/activity", {
    role: ROLE,
    events: [
      { service: "oss", action: "GetObject", resource: "acs:oss:*:*:models/fraud/v3/model.bin", at: daysAgo(2), count: 30 },
      { service: "oss", action: "GetObject", resource: "acs:oss:*:*:models/fraud/v3/vocab.txt", at: daysAgo(40), count: 3 },
      { service: "oss", action: "ListObjects", resource: "acs:oss:*:*:models", at: daysAgo(1), count: 2 },
      { service: "oss", action: "DeleteObject", resource: "acs:oss:*:*:models/fraud/v2/model.bin", at: daysAgo(5), errorCode: "AccessDenied" },
    ],
  });
});

afterAll(async () => {
  await emu?.close();
});

describe("a role's activity, read through ActionTrail and the permission audit", () => {
  it("says what the role's session did, per service and action, on which resources (the name in any case)", async () => {
    const r = await loadRoleActivity(fresh(), ENGINEER, ROLE.toLowerCase(), 90);
    expect(r.role).toBe(ROLE);
    expect(r.coverage).toMatchObject({ days: 90, daysSeen: 90, gaps: [], ossDataEvents: true });
    expect(r.coverage.sources).toEqual(["actiontrail", "ram-permission-audit"]);
    const oss = r.services.find((s) => s.service === "oss");
    expect(oss?.actions.find((a) => a.action === "oss:GetObject")).toMatchObject({ count: 33, resources: ["acs:oss:*:*:models/fraud/v3/model.bin", "acs:oss:*:*:models/fraud/v3/vocab.txt"] });
    // The refused DeleteObject used no permission: it is not a use.
    expect(oss?.actions.map((a) => a.action)).not.toContain("oss:DeleteObject");
    expect(r.usedBy).toEqual([{ region: HZ, name: "fraud-rightsize" }]);
  });

  it("proposes what was used on what it was used on, plus the mount and image pull, nothing destructive, proven within the current grants", async () => {
    const { proposal } = await loadRoleActivity(fresh(), ENGINEER, ROLE, 90);
    const doc = proposal.document;
    expect(allows(doc, "oss:GetObject", "acs:oss:*:*:models/fraud/v3/model.bin")).toBe(true);
    expect(allows(doc, "oss:GetObject", "acs:oss:*:*:models/fraud/v3/vocab.txt")).toBe(true);
    expect(allows(doc, "oss:ListObjects", "acs:oss:*:*:models")).toBe(true);
    // What EAS does with the role at deploy: the OSS mount and the image pull.
    expect(allows(doc, "oss:ListObjects", `acs:oss:*:${UID}:datasets`)).toBe(true);
    expect(allows(doc, "oss:GetObject", `acs:oss:*:${UID}:datasets/train/part-0.csv`)).toBe(true);
    expect(allows(doc, "cr:PullRepository", IMAGE_REPO)).toBe(true);
    expect(allows(doc, "oss:DeleteObject", "acs:oss:*:*:models/fraud/v3/model.bin")).toBe(false);
    expect(allows(doc, "oss:GetObject", "acs:oss:*:*:other-bucket/x")).toBe(false);
    expect(proposal.noNewAccess).toEqual({ holds: true });
    expect(proposal.deployNeeds).toEqual(["image-pull", "oss-mount"]);
  });

  it("lists what went unused, never what the platform needs at deploy", async () => {
    const { unused } = await loadRoleActivity(fresh(), ENGINEER, ROLE, 90);
    expect(unused).toContainEqual({ kind: "action", name: "cr:List*", lastUsed: null });
    expect(unused.map((u) => u.name)).not.toContain("cr:Get*");
    expect(unused.map((u) => u.name)).not.toContain("oss:*");
  });

  it("says a throttled read is a gap and then calls nothing unused", async () => {
    await control(emu.url, "PUT", "/_emulator/faults", { operation: "LookupEvents", errorRate: 1, errorCode: "Throttling.User" });
    try {
      const r = await loadRoleActivity(createInventoryDeps(createCloud(parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emu.port}`, ROLESCOPE_REGIONS: Object.keys(emu.regionPorts).join(","), ROLESCOPE_CLOUD_TIMEOUT_MS: "2000" })), { ttlMs: 0 }), ENGINEER, ROLE, 90);
      expect(r.coverage.daysSeen).toBe(0);
      expect(r.coverage.gaps.map((g) => g.kind)).toContain("throttled");
      expect(r.unused.filter((u) => u.kind === "action")).toEqual([]);
      expect((await offerRightSize(fresh(), r)).refused?.key).toBe("rightSize.partial");
    } finally {
      await control(emu.url, "DELETE", "/_emulator/faults");
    }
  }, 60_000);

  it("applies the right-sized policy as an admin only, audited with its rollback, and the service still deploys", async () => {
    const report = await loadRoleActivity(fresh(), ADMIN, ROLE, 90);
    const { offer } = await offerRightSize(fresh(), report);
    expect(offer?.summary).toMatchObject({ dropped: 1, kept: 4, replaces: [{ policyName: "AliyunOSSFullAccess", policyType: "System" }, { policyName: "AliyunContainerRegistryReadOnlyAccess", policyType: "System" }] });
    await expect(applyRightSize({ inventory: shared, writes }, ENGINEER, ROLE, 90, offer!.preview.token)).rejects.toMatchObject({ code: "forbidden" });

    const out = await applyRightSize({ inventory: shared, writes }, ADMIN, ROLE, 90, offer!.preview.token);
    expect(out.ok).toBe(true);
    const attached = await ramGateway(emu.port).listPoliciesForRole(ROLE);
    expect(attached.map((p) => p.policyName)).toEqual([offer!.summary.policyName]);
    expect(out.audit.detail).toMatchObject({ rollback: { attach: offer!.summary.replaces, detach: [{ policyName: offer!.summary.policyName, policyType: "Custom" }] } });

    const eas = easGateway(emu);
    await eas.restartService(HZ, "fraud-rightsize");
    await control(emu.url, "POST", "/_emulator/settle");
    expect((await eas.describeService(HZ, "fraud-rightsize")).status).toBe("Running");
  });
});
