import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { control } from "../../tests/support/cloud/clients";
import { createAuditLog } from "../audit/audit-log";
import { openDatabase } from "../db/connection";
import { sqliteStores } from "../db/sqlite";
import { buildEasTrustPolicy, buildPassRolePolicy } from "../policy";
import { createCloud } from "../cloud/create-cloud";
import { CloudError, type Cloud } from "../cloud/types";
import { parseEnv } from "../env";
import type { CloudChange } from "../inventory/cache-tags";
import { ADMIN, ENGINEER } from "../../tests/support/actors";
import { REQUEST_ID } from "../../tests/support/request-id";
import { previewPlan, type WritePlan } from "./plan";
import { runPlan, type WriteDeps } from "./run-plan";

let emulator: RunningEmulator;
let cloud: Cloud;

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} });
  cloud = createCloud(parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}` }));
});
afterAll(() => emulator?.close());

function deps(opts: { readOnly?: boolean } = {}) {
  const stores = sqliteStores(openDatabase(":memory:"));
  const changed: CloudChange[] = [];
  const d: WriteDeps = { cloud, audit: createAuditLog(stores.audit), invalidate: (c) => changed.push(...c), readOnly: opts.readOnly ?? false, claims: stores.planClaims };
  return { d, changed, entries: async () => (await stores.audit.list({}, 0, 100)).entries };
}

const exists = (fn: () => Promise<unknown>) => fn().then(() => true, (e) => (e instanceof CloudError && e.code.startsWith("EntityNotExist") ? false : Promise.reject(e)));

/** Create a role that trusts EAS, a policy, and attach it: three calls, each skippable on retry. */
function rolePlan(name: string): WritePlan {
  const trust = JSON.stringify(buildEasTrustPolicy());
  const policy = `${name}-pass`;
  const doc = JSON.stringify(buildPassRolePolicy(name));
  return {
    action: "test.create_role",
    target: name,
    title: `Create ${name}`,
    steps: [
      { id: "create-role", operation: "CreateRole", service: "RAM", target: name, params: { RoleName: name, AssumeRolePolicyDocument: trust },
        run: (c) => c.ram.createRole({ roleName: name, assumeRolePolicyDocument: trust }), alreadyDone: (c) => exists(() => c.ram.getRole(name)), changes: [{ kind: "role", name }] },
      { id: "create-policy", operation: "CreatePolicy", service: "RAM", target: policy, params: { PolicyName: policy, PolicyDocument: doc },
        run: (c) => c.ram.createPolicy({ policyName: policy, policyDocument: doc }), alreadyDone: (c) => exists(() => c.ram.getPolicy(policy, "Custom")), changes: [{ kind: "policy", name: policy }] },
      { id: "attach", operation: "AttachPolicyToRole", service: "RAM", target: name, params: { PolicyType: "Custom", PolicyName: policy, RoleName: name },
        run: (c) => c.ram.attachPolicyToRole({ policyType: "Custom", policyName: policy, roleName: name }),
        alreadyDone: async (c) => (await c.ram.listPoliciesForRole(name)).some((p) => p.policyName === policy), changes: [{ kind: "role-policies", name }] },
    ],
  };
}

describe("runPlan", () => {
  it("applies a previewed plan step by step, audited once with every RequestId", async () => {
    const { d, changed, entries } = deps();
    const plan = rolePlan("plan-ok");
    const out = await runPlan(d, ADMIN, plan, { token: previewPlan(plan).token });
    expect(out.ok).toBe(true);
    expect(out.steps.map((s) => s.state)).toEqual(["done", "done", "done"]);
    expect(out.requestIds).toHaveLength(3);
    for (const id of out.requestIds) expect(id).toMatch(REQUEST_ID);
    expect((await cloud.ram.listPoliciesForRole("plan-ok")).map((p) => p.policyName)).toEqual(["plan-ok-pass"]);
    expect(changed).toEqual([{ kind: "role", name: "plan-ok" }, { kind: "policy", name: "plan-ok-pass" }, { kind: "role-policies", name: "plan-ok" }]);
    const [entry] = await entries();
    expect(entry).toMatchObject({ actor: "alice", action: "test.create_role", target: "plan-ok", outcome: "success", requestId: out.requestIds[2] });
    expect(entry.detail?.steps).toHaveLength(3);
  });

  it("stops at a failed step, says what was done and what was not, and a retry finishes the rest", async () => {
    const { d, entries } = deps();
    const plan = rolePlan("plan-retry");
    await control(emulator.url, "PUT", "/_emulator/faults", { operation: "CreatePolicy", errorRate: 1, errorCode: "InternalError", httpStatus: 500 });
    let first;
    try {
      first = await runPlan(d, ADMIN, plan, { token: previewPlan(plan).token });
    } finally {
      await control(emulator.url, "DELETE", "/_emulator/faults");
    }
    expect(first.ok).toBe(false);
    expect(first.steps.map((s) => s.state)).toEqual(["done", "failed", "not_run"]);
    expect(first.steps[1].error).toMatchObject({ code: "InternalError" });
    expect(first.steps[1].requestId).toMatch(REQUEST_ID);
    expect((await entries())[0]).toMatchObject({ outcome: "failure" });

    const again = await runPlan(d, ADMIN, plan, { token: previewPlan(plan).token });
    expect(again.steps.map((s) => s.state)).toEqual(["skipped", "done", "done"]);
    expect((await cloud.ram.listPoliciesForRole("plan-retry")).map((p) => p.policyName)).toEqual(["plan-retry-pass"]);
  });

  it("refuses an engineer, a stale or missing confirmation, and read-only mode, before any call", async () => {
    const plan = rolePlan("plan-refused");
    const token = previewPlan(plan).token;
    await expect(runPlan(deps().d, ENGINEER, plan, { token })).rejects.toMatchObject({ code: "forbidden" });
    await expect(runPlan(deps().d, ADMIN, plan, { token: "0".repeat(32) })).rejects.toMatchObject({ code: "conflict", fields: { token: expect.any(String) } });
    await expect(runPlan(deps({ readOnly: true }).d, ADMIN, plan, { token })).rejects.toMatchObject({ code: "read_only", status: 403 });
    await expect(cloud.ram.getRole("plan-refused")).rejects.toMatchObject({ code: "EntityNotExist.Role" });
  });

  it("the token changes with anything the plan would send", () => {
    const a = previewPlan(rolePlan("same"));
    expect(previewPlan(rolePlan("same")).token).toBe(a.token);
    expect(previewPlan(rolePlan("other")).token).not.toBe(a.token);
    expect(a.steps[0]).toEqual({ id: "create-role", operation: "CreateRole", service: "RAM", target: "same", params: { RoleName: "same", AssumeRolePolicyDocument: JSON.stringify(buildEasTrustPolicy()) } });
  });
});
