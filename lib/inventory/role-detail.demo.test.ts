import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { createCloud } from "../cloud/create-cloud";
import { parseEnv } from "../env";
import { evaluate } from "../policy";
import { ENGINEER } from "../../tests/support/actors";
import { createInventoryDeps } from "./deps";
import { loadRoles } from "./load-roles";
import { loadRoleDetail, type RoleDetail } from "./role-detail";

// The role detail loader against the emulator's demo account, through the real gateways.
let emulator: RunningEmulator;
let cloud: ReturnType<typeof createCloud>;

const control = async (method: string, path: string) => (await fetch(`${emulator.url}${path}`, { method })).json() as Promise<Record<string, unknown>>;
const stats = async () => ((await control("GET", "/_emulator/stats")) as { calls: Record<string, number> }).calls;

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} });
  await control("POST", "/_emulator/settle");
  cloud = createCloud(
    parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}`, ROLESCOPE_REGIONS: Object.keys(emulator.regionPorts).join(",") }),
  );
});
afterAll(() => emulator?.close());

const policiesOf = (d: RoleDetail) => d.policies.flatMap((p) => (p.document ? [{ name: p.name, document: p.document }] : []));

describe("loadRoleDetail on the demo account", () => {
  it("data-pipeline: trusts the account and EAS, its Deny guard rail wins, one GetPolicy per attached policy", async () => {
    await control("DELETE", "/_emulator/stats");
    const d = await loadRoleDetail(createInventoryDeps(cloud), ENGINEER, "data-pipeline");
    const calls = await stats();
    expect(d.trust.principals.map((p) => p.kind).sort()).toEqual(["RAM", "Service"]);
    expect(d.trust.lint.map((f) => f.code)).toContain("TRUST_ACCOUNT_ROOT");
    expect(d.policies.map((p) => p.name).sort()).toEqual(["deny-oss-delete", "oss-models-rw"]);
    const req = { principal: { type: "RAMRole" as const, account: d.accountId!, name: "data-pipeline" }, resource: "acs:oss:*:*:models/a.bin" };
    expect(evaluate({ ...req, action: "oss:DeleteObject" }, policiesOf(d))).toMatchObject({ decision: "ExplicitDeny", matched: [{ policy: "deny-oss-delete" }] });
    // Role + its policies, the services of each region, and the users with their policies: no call per row beyond these.
    expect(calls.GetRole).toBe(1);
    expect(calls.ListPoliciesForRole).toBe(1);
    expect(calls.ListUsers).toBe(1);
    expect(calls.ListPoliciesForUser).toBe(3);
    expect(calls.ListServices).toBe(Object.keys(emulator.regionPorts).length);
    const distinct = new Set([...d.policies.map((p) => p.name), "AliyunRAMFullAccess", "AliyunPAIEASFullAccess", "AliyunSTSAssumeRoleAccess", "AliyunRAMReadOnlyAccess", "PassRole-eas-oss-reader", "PassRole-eas-nas-image"]);
    expect(calls.GetPolicy).toBe(distinct.size);
  });

  it("several role pages after the roles list reuse its cached user and policy reads", async () => {
    const deps = createInventoryDeps(cloud, { ttlMs: 60_000 });
    await control("DELETE", "/_emulator/stats");
    await loadRoles(deps, ENGINEER, Object.keys(emulator.regionPorts));
    const afterList = await stats();
    expect(afterList.ListPoliciesForUser).toBe(3);
    const pages = await Promise.all(["data-pipeline", "eas-oss-reader"].map((n) => loadRoleDetail(deps, ENGINEER, n)));
    await loadRoleDetail(deps, ENGINEER, "legacy-admin");
    const calls = await stats();
    expect(pages[1].usage.passers.sort()).toEqual(["alice", "bob"]);
    // Who can pass each role comes from the users' policies the list already read: no new user call.
    expect(calls.ListUsers).toBe(afterList.ListUsers);
    expect(calls.ListPoliciesForUser).toBe(afterList.ListPoliciesForUser);
    expect(calls.ListServices).toBe(afterList.ListServices);
  });

  it("eas-oss-reader: used by image-tagger, passable by alice and bob only", async () => {
    const d = await loadRoleDetail(createInventoryDeps(cloud), ENGINEER, "eas-oss-reader");
    expect(d.trust.easCanAssume).toBe(true);
    expect(d.usage.services.map((s) => s.name)).toContain("image-tagger");
    expect(d.usage.passers).toEqual(["alice", "bob"]);
  });

  it("legacy-admin: the expired debug grant is found", async () => {
    const d = await loadRoleDetail(createInventoryDeps(cloud), ENGINEER, "legacy-admin");
    expect(d.trust.easCanAssume).toBe(false);
    expect(d.policies.find((p) => p.name === "temp-debug-access")!.lint.map((f) => f.code)).toContain("EXPIRED_CONDITION");
  });

  it("an unknown role fails with RAM's code and RequestId", async () => {
    await expect(loadRoleDetail(createInventoryDeps(cloud), ENGINEER, "no-such-role")).rejects.toMatchObject({ code: "EntityNotExist.Role", requestId: expect.any(String) });
  });
});
