import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createCloud, type Cloud } from "../../lib/cloud";
import { CLOUD_OPERATIONS, operationOf } from "../../lib/cloud/operations";
import { createConsoleCredentials } from "../../lib/credentials";
import { parseEnv } from "../../lib/env";
import { AppError } from "../../lib/errors";
import type { CloudError } from "../../lib/errors/cloud-error";
import { buildConsolePolicy, buildEasTrustPolicy, serializePolicy } from "../../lib/policy";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { control, rejection } from "../support/cloud/clients";
import { withoutCloudCredentials } from "../support/chain-env";
import { createConsoleRole, type ConsoleRole } from "../support/console-role";

// The console's own role, holding only the policy lib/policy generates, through the credentials
// URI: every gateway method is called once. Each sends exactly the operation the table names;
// the read-only policy allows every read and refuses every write; the full policy allows all;
// read-only mode refuses every write before anything reaches the cloud.

type Call = (c: Cloud) => Promise<unknown>;
const HZ = "cn-hangzhou";
const ACCOUNT = "1784200000000001";
const trust = serializePolicy(buildEasTrustPolicy());
const doc = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "oss:GetObject", Resource: "acs:oss:*:*:lp-bucket/*" }] });
// A custom role: EAS checks ram:PassRole on the deploying identity, here the console's own.
const svcConfig = JSON.stringify({
  name: "lp_svc",
  metadata: { instance: 1, cpu: 1, memory: 1000 },
  options: { enable_ram_role: true },
  role_arn: "acs:ram::1784200000000001:role/eas-oss-reader",
  processor: "pmml",
  model_path: "oss://models/churn/model.pmml",
});

const READS: Record<string, Call> = {
  "ram.listRoles": (c) => c.ram.listRoles({ maxItems: 5 }),
  "ram.listAllRoles": (c) => c.ram.listAllRoles(),
  "ram.getRole": (c) => c.ram.getRole("eas-oss-reader"),
  "ram.listPoliciesForRole": (c) => c.ram.listPoliciesForRole("eas-oss-reader"),
  "ram.listPolicies": (c) => c.ram.listPolicies({ policyType: "Custom", maxItems: 5 }),
  "ram.listAllPolicies": (c) => c.ram.listAllPolicies("Custom"),
  "ram.getPolicy": (c) => c.ram.getPolicy("AliyunOSSReadOnlyAccess", "System"),
  "ram.getPolicyVersion": (c) => c.ram.getPolicyVersion("PassRole-eas-nas-image", "Custom", "v1"),
  "ram.listPolicyVersions": (c) => c.ram.listPolicyVersions("PassRole-eas-nas-image", "Custom"),
  "ram.listEntitiesForPolicy": (c) => c.ram.listEntitiesForPolicy("PassRole-eas-nas-image", "Custom"),
  "ram.listUsers": (c) => c.ram.listUsers({ maxItems: 5 }),
  "ram.listAllUsers": (c) => c.ram.listAllUsers(),
  "ram.getUser": (c) => c.ram.getUser("bob"),
  "ram.listPoliciesForUser": (c) => c.ram.listPoliciesForUser("bob"),
  "ram.listGroupsForUser": (c) => c.ram.listGroupsForUser("carol"),
  "ram.listGroups": (c) => c.ram.listGroups({ maxItems: 5 }),
  "ram.getGroup": (c) => c.ram.getGroup("ml-platform"),
  "ram.listUsersForGroup": (c) => c.ram.listUsersForGroup("ml-platform"),
  "ram.listPoliciesForGroup": (c) => c.ram.listPoliciesForGroup("ml-platform"),
  "ram.getCallerIdentity": (c) => c.ram.getCallerIdentity(),
  "eas.listServices": (c) => c.eas.listServices(HZ),
  "eas.listAllServices": (c) => c.eas.listAllServices(HZ),
  "eas.describeService": (c) => c.eas.describeService(HZ, "fraud-detector"),
  "eas.describeServiceEvents": (c) => c.eas.describeServiceEvents(HZ, "fraud-detector"),
  "eas.listServiceInstances": (c) => c.eas.listServiceInstances(HZ, "fraud-detector"),
  "eas.describeServiceDiagnosis": (c) => c.eas.describeServiceDiagnosis(HZ, "fraud-detector"),
  "actiontrail.lookupEvents": (c) => c.actiontrail!.lookupEvents({ startTime: daysAgo(7), endTime: daysAgo(0), attributes: [{ key: "RoleName", value: "eas-restricted" }], maxResults: 5 }),
  "ramAudit.generateServiceLastAccessedDetails": (c) => c.ramAudit!.generateServiceLastAccessedDetails(`acs:ram::${ACCOUNT}:role/eas-restricted`),
  "ramAudit.getServiceLastAccessedDetails": (c) => c.ramAudit!.getServiceLastAccessedDetails(auditJob),
  // A refusal's own message, taken from a write the read-only policy refused (beforeAll).
  "ram.decodeDiagnosticMessage": (c) => c.ram.decodeDiagnosticMessage(deniedMessage),
};

/** ActionTrail's time format, `yyyy-MM-ddTHH:mm:ssZ`. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
let deniedMessage = "";
let auditJob = "";

// In an order the account accepts: what one step creates, a later one uses and removes.
const WRITES: Record<string, Call> = {
  "ram.createRole": (c) => c.ram.createRole({ roleName: "lp-role", assumeRolePolicyDocument: trust }),
  "ram.updateRoleTrust": (c) => c.ram.updateRoleTrust("lp-role", trust),
  // The demo account holds PAI-EAS's service-linked role already: RAM's conflict comes after it allowed the call.
  "ram.createServiceLinkedRole": (c) =>
    c.ram.createServiceLinkedRole("eas.pai.aliyuncs.com").catch((e: { code?: string }) => {
      if (e.code !== "EntityAlreadyExists.Role") throw e;
    }),
  "ram.createPolicy": (c) => c.ram.createPolicy({ policyName: "lp-policy", policyDocument: doc }),
  "ram.createPolicyVersion": (c) => c.ram.createPolicyVersion({ policyName: "PassRole-eas-nas-image", policyDocument: doc, setAsDefault: false }),
  "ram.attachPolicyToRole": (c) => c.ram.attachPolicyToRole({ policyName: "lp-policy", policyType: "Custom", roleName: "lp-role" }),
  "ram.detachPolicyFromRole": (c) => c.ram.detachPolicyFromRole({ policyName: "lp-policy", policyType: "Custom", roleName: "lp-role" }),
  "ram.createUser": (c) => c.ram.createUser({ userName: "lp-user" }),
  "ram.attachPolicyToUser": (c) => c.ram.attachPolicyToUser({ policyName: "lp-policy", policyType: "Custom", userName: "lp-user" }),
  "ram.detachPolicyFromUser": (c) => c.ram.detachPolicyFromUser({ policyName: "lp-policy", policyType: "Custom", userName: "lp-user" }),
  "ram.createGroup": (c) => c.ram.createGroup({ groupName: "lp-group" }),
  "ram.addUserToGroup": (c) => c.ram.addUserToGroup({ groupName: "lp-group", userName: "lp-user" }),
  "ram.removeUserFromGroup": (c) => c.ram.removeUserFromGroup({ groupName: "lp-group", userName: "lp-user" }),
  "ram.attachPolicyToGroup": (c) => c.ram.attachPolicyToGroup({ policyName: "lp-policy", policyType: "Custom", groupName: "lp-group" }),
  "ram.detachPolicyFromGroup": (c) => c.ram.detachPolicyFromGroup({ policyName: "lp-policy", policyType: "Custom", groupName: "lp-group" }),
  "ram.deleteGroup": (c) => c.ram.deleteGroup("lp-group"),
  "ram.deletePolicy": (c) => c.ram.deletePolicy("lp-policy"),
  "ram.deleteRole": (c) => c.ram.deleteRole("lp-role"),
  "eas.createService": (c) => c.eas.createService(HZ, svcConfig),
  "eas.updateService": (c) => c.eas.updateService(HZ, "lp_svc", JSON.stringify({ metadata: { instance: 1 } })),
  "eas.stopService": (c) => c.eas.stopService(HZ, "lp_svc"),
  "eas.startService": (c) => c.eas.startService(HZ, "lp_svc"),
  "eas.restartService": (c) => c.eas.restartService(HZ, "lp_svc"),
  "eas.deleteService": (c) => c.eas.deleteService(HZ, "lp_svc"),
};

let emu: RunningEmulator;
let role: ConsoleRole;
beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} });
  role = await createConsoleRole(emu.port, "RoleScopeConsole", buildConsolePolicy(CLOUD_OPERATIONS, { mode: "read-only" }));
  withoutCloudCredentials();
  vi.stubEnv("ALIBABA_CLOUD_CREDENTIALS_URI", role.uri);
  try {
    const cloud = consoleCloud();
    const refused = await rejection<CloudError>(cloud.ram.createRole({ roleName: "lp-refused", assumeRolePolicyDocument: trust }));
    deniedMessage = refused.accessDenied?.EncodedDiagnosticMessage ?? "";
    auditJob = (await cloud.ramAudit!.generateServiceLastAccessedDetails(`acs:ram::${ACCOUNT}:role/eas-restricted`)).jobId;
  } finally {
    vi.unstubAllEnvs();
  }
  expect(deniedMessage, "the refused write carries its EncodedDiagnosticMessage").not.toBe("");
});
afterAll(() => emu.close());
beforeEach(() => {
  withoutCloudCredentials();
  vi.stubEnv("ALIBABA_CLOUD_CREDENTIALS_URI", role.uri);
});
afterEach(() => void vi.unstubAllEnvs());

function consoleCloud(extra: Record<string, string> = {}): Cloud {
  const env = parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emu.port}`, ROLESCOPE_CREDENTIALS: "chain", ROLESCOPE_CREDENTIALS_FILE: "/nonexistent/rolescope", ...extra });
  return createCloud(env, { credentials: createConsoleCredentials(env) });
}

async function sent(call: () => Promise<unknown>): Promise<string[]> {
  await control(emu.url, "DELETE", "/_emulator/stats");
  await call();
  return Object.keys((await control(emu.url, "GET", "/_emulator/stats")).json.calls as Record<string, number>);
}

describe("least privilege for the console's own role", () => {
  it("has a sample call for every method of the operations table, and nothing else", () => {
    const methods = CLOUD_OPERATIONS.flatMap((o) => o.methods).sort();
    expect([...Object.keys(READS), ...Object.keys(WRITES)].sort()).toEqual(methods);
    for (const m of Object.keys(READS)) expect(operationOf(m)?.kind, m).toBe("read");
    for (const m of Object.keys(WRITES)) expect(operationOf(m)?.kind, m).toBe("write");
  });

  it("with the read-only policy: every read works and sends the operation the table names, every write is NoPermission", async () => {
    const cloud = consoleCloud();
    for (const [method, call] of Object.entries(READS)) expect(await sent(() => call(cloud)), method).toEqual([operationOf(method)!.operation]);
    for (const [method, call] of Object.entries(WRITES)) {
      const err = await rejection<{ code: string }>(call(cloud));
      expect(err.code, method).toBe("NoPermission");
    }
  });

  it("with the full policy: every write works too, and sends the operation the table names", async () => {
    await role.setPolicy(buildConsolePolicy(CLOUD_OPERATIONS, { mode: "full" }));
    try {
      const cloud = consoleCloud();
      for (const [method, call] of Object.entries(WRITES)) {
        expect(await sent(() => call(cloud)), method).toEqual([operationOf(method)!.operation]);
        if (method === "eas.createService") {
          await control(emu.url, "POST", "/_emulator/settle");
          const svc = await cloud.eas.describeService(HZ, "lp_svc");
          expect([svc.status, svc.message], "the deploy passed the role on").toEqual(["Running", expect.any(String)]);
        }
      }
    } finally {
      await role.setPolicy(buildConsolePolicy(CLOUD_OPERATIONS, { mode: "read-only" }));
    }
  });

  it("a policy for two regions lets EAS in those regions only", async () => {
    await role.setPolicy(buildConsolePolicy(CLOUD_OPERATIONS, { mode: "read-only", regions: ["ap-southeast-1"] }));
    try {
      const cloud = consoleCloud();
      expect((await rejection<{ code: string }>(cloud.eas.listServices(HZ))).code).toBe("NoPermission");
      await cloud.eas.listServices("ap-southeast-1");
    } finally {
      await role.setPolicy(buildConsolePolicy(CLOUD_OPERATIONS, { mode: "read-only" }));
    }
  });

  it("in read-only mode every write is refused with read_only before anything is sent", async () => {
    const cloud = consoleCloud({ ROLESCOPE_READ_ONLY: "true" });
    await control(emu.url, "DELETE", "/_emulator/stats");
    for (const [method, call] of Object.entries(WRITES)) {
      const err = await rejection<AppError>(call(cloud));
      expect(err, method).toBeInstanceOf(AppError);
      expect(err.code, method).toBe("read_only");
    }
    expect((await control(emu.url, "GET", "/_emulator/stats")).json.total).toBe(0);
    await READS["ram.getRole"](cloud);
  });
});
