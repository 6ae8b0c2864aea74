// A small RamView for unit tests, built on lib/policy: roles and users held in plain maps that
// tests edit to break and fix deployments.
import { buildEasTrustPolicy } from "../../../lib/policy/builders";
import { evaluate } from "../../../lib/policy/evaluate";
import type { NamedPolicy, PolicyDocument } from "../../../lib/policy/types";
import type { Caller, EasContext, EasRequest, RamView } from "../../../emulator/core/contract";

export const TEST_ACCOUNT = "1784200000000001";

export interface TestRole {
  trust: PolicyDocument;
  policies: NamedPolicy[];
}

export const allowPolicy = (name: string, Action: string[], Resource: string[] = ["*"]): NamedPolicy => ({
  name,
  document: { Version: "1", Statement: [{ Effect: "Allow", Action, Resource }] },
});

export function createTestRam() {
  const roles = new Map<string, TestRole>();
  const users = new Map<string, NamedPolicy[]>();
  roles.set("AliyunServiceRoleForPaiEas", { trust: buildEasTrustPolicy(), policies: [allowPolicy("AliyunServiceRolePolicyForPaiEas", ["oss:*"])] });
  const view: RamView = {
    accountId: TEST_ACCOUNT,
    getRole(roleName) {
      const r = roles.get(roleName);
      return r && { roleName, roleId: `3${roleName.length}00000000000`, arn: `acs:ram::${TEST_ACCOUNT}:role/${roleName.toLowerCase()}`, assumeRolePolicyDocument: JSON.stringify(r.trust) };
    },
    policiesForRole: (name) => roles.get(name)?.policies ?? [],
    policiesForUser: (name) => users.get(name) ?? [],
    authorize(caller, action, resource, context) {
      if (caller.kind === "root") return { decision: "Allow", matched: [], missingContextKeys: [] };
      const policies = caller.kind === "user" ? (users.get(caller.userName) ?? []) : (roles.get(caller.roleName)?.policies ?? []);
      return evaluate({ action, resource, context }, policies);
    },
  };
  return { view, roles, users };
}

export const rootCaller: Caller = { kind: "root", accountId: TEST_ACCOUNT, accessKeyId: "LTAIroot" };
export const userCaller = (userName: string): Caller => ({ kind: "user", accountId: TEST_ACCOUNT, accessKeyId: `LTAI${userName}`, userName, userId: `20${userName.length}0000000000` });

let seq = 0;
export function testContext(ram: RamView, caller: Caller, opts: { region?: string; now?: Date } = {}): EasContext {
  return {
    region: opts.region ?? "cn-hangzhou",
    caller,
    ram,
    requestId: `REQ-${++seq}`,
    now: () => opts.now ?? new Date(),
    markDirty: () => undefined,
  };
}

export const request = (method: string, pathname: string, query: Record<string, string> = {}, body = ""): EasRequest => ({ method, pathname, query, body });
