import * as $Ram from "@alicloud/ram20150501";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudError } from "../../lib/cloud/types";
import { sealDiagnostic, type DecodedDiagnosticMessage } from "../core/diagnostic";
import { DEMO_KEYS } from "../seed/demo-keys";
import { createEmulator, type RunningEmulator } from "../server";
import { easGateway, ramClient, rejection, ROOT_KEY, stsClient, type KeyPair } from "../../tests/support/cloud/clients";

const UID = "1784200000000001";
const alice: KeyPair = { accessKeyId: DEMO_KEYS.alice.id, accessKeySecret: DEMO_KEYS.alice.secret };
const carol: KeyPair = { accessKeyId: DEMO_KEYS.carol.id, accessKeySecret: DEMO_KEYS.carol.secret };
const bob: KeyPair = { accessKeyId: DEMO_KEYS.bob.id, accessKeySecret: DEMO_KEYS.bob.secret };

interface Refusal {
  code: string;
  statusCode: number;
  accessDeniedDetail: Record<string, unknown> | null;
}

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20 });
  const root = ramClient(emu.port);
  // bob (AliyunRAMReadOnlyAccess) is denied reading one role outright, and may create roles only from one address.
  await root.createPolicy(new $Ram.CreatePolicyRequest({
    policyName: "deny-legacy-admin-read",
    policyDocument: JSON.stringify({ Version: "1", Statement: [{ Effect: "Deny", Action: "ram:GetRole", Resource: `acs:ram:*:${UID}:role/legacy-admin` }] }),
  }));
  await root.createPolicyVersion(new $Ram.CreatePolicyVersionRequest({
    policyName: "deny-legacy-admin-read",
    policyDocument: JSON.stringify({ Version: "1", Statement: [{ Effect: "Deny", Action: "ram:GetRole", Resource: `acs:ram:*:${UID}:role/legacy-admin` }, { Effect: "Deny", Action: "ram:DeleteRole", Resource: "*" }] }),
    setAsDefault: true,
  }));
  await root.attachPolicyToUser(new $Ram.AttachPolicyToUserRequest({ policyName: "deny-legacy-admin-read", policyType: "Custom", userName: "bob" }));
  await root.createPolicy(new $Ram.CreatePolicyRequest({
    policyName: "create-role-from-office",
    policyDocument: JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "ram:CreateRole", Resource: "*", Condition: { IpAddress: { "acs:SourceIp": "203.0.113.0/24" } } }] }),
  }));
  await root.attachPolicyToUser(new $Ram.AttachPolicyToUserRequest({ policyName: "create-role-from-office", policyType: "Custom", userName: "bob" }));
});
afterAll(() => emu.close());

async function decode(message: unknown, k: KeyPair = ROOT_KEY): Promise<DecodedDiagnosticMessage> {
  const r = await ramClient(emu.port, k).decodeDiagnosticMessage(new $Ram.DecodeDiagnosticMessageRequest({ encodedDiagnosticMessage: String(message) }));
  // The SDK's model, camelCased; back to the wire's names through its own toMap.
  return (r.body?.toMap() as { DecodedDiagnosticMessage: DecodedDiagnosticMessage }).DecodedDiagnosticMessage;
}

const encoded = (e: Refusal) => String(e.accessDeniedDetail?.EncodedDiagnosticMessage);

describe("EncodedDiagnosticMessage and DecodeDiagnosticMessage", () => {
  it("names the denying policy and its version for an explicit deny", async () => {
    const e = await rejection<Refusal>(ramClient(emu.port, bob).getRole(new $Ram.GetRoleRequest({ roleName: "legacy-admin" })));
    expect([e.code, e.statusCode]).toEqual(["NoPermission", 403]);
    expect(e.accessDeniedDetail).toMatchObject({ NoPermissionType: "ExplicitDeny", PolicyType: "AccountLevelIdentityBasedPolicy", AuthAction: "ram:GetRole", AuthPrincipalType: "SubUser", AuthPrincipalDisplayName: "bob", AuthPrincipalOwnerId: UID });
    const d = await decode(encoded(e));
    expect(d).toMatchObject({
      AuthAction: "ram:GetRole",
      AuthResource: `acs:ram:*:${UID}:role/legacy-admin`,
      AuthPrincipal: { AuthPrincipalType: "SubUser", AuthPrincipalOwnerId: UID, AuthPrincipalDisplayName: "bob" },
      ExplicitDeny: true,
      NoPermissionPolicyType: "AccountLevelIdentityBasedPolicy",
    });
    expect(d.MatchedPolicies).toEqual([
      { Effect: "Deny", PolicyIdentifier: "deny-legacy-admin-read", PolicyType: "Custom", PolicyVersion: "v2", AttachedEntityType: "RamUser", AttachedScope: "Account" },
    ]);
    expect(d.AuthConditions.map((c) => c.ConditionKey)).toContain("acs:SourceIp");
  });

  it("names the policy whose condition was not met for an implicit deny, and none when nothing came close", async () => {
    const e = await rejection<Refusal>(ramClient(emu.port, bob).createRole(new $Ram.CreateRoleRequest({ roleName: "bobs-role", assumeRolePolicyDocument: '{"Version":"1","Statement":[]}' })));
    expect(e.accessDeniedDetail).toMatchObject({ NoPermissionType: "ImplicitDeny", PolicyType: "AccountLevelIdentityBasedPolicy" });
    const d = await decode(encoded(e));
    expect(d).toMatchObject({ ExplicitDeny: false, NoPermissionPolicyType: "AccountLevelIdentityBasedPolicy", AuthAction: "ram:CreateRole" });
    expect(d.MatchedPolicies).toEqual([
      { Effect: "Allow", PolicyIdentifier: "create-role-from-office", PolicyType: "Custom", PolicyVersion: "v1", AttachedEntityType: "RamUser", AttachedScope: "Account" },
    ]);
    const none = await rejection<Refusal>(ramClient(emu.port, bob).createUser(new $Ram.CreateUserRequest({ userName: "bobs-user" })));
    expect((await decode(encoded(none))).MatchedPolicies).toEqual([]);
  });

  it("names the role's trust policy when it refuses AssumeRole", async () => {
    // eas-oss-reader trusts only the EAS service; alice holds sts:AssumeRole.
    const e = await rejection<CloudError>(stsClient(emu.port, alice).assumeRole({ roleArn: `acs:ram::${UID}:role/eas-oss-reader`, roleSessionName: "probe" }));
    expect(e.code).toBe("NoPermission");
    const detail = e.accessDenied ?? {};
    expect(detail).toMatchObject({ PolicyType: "AssumeRolePolicy", NoPermissionType: "ImplicitDeny", AuthAction: "sts:AssumeRole" });
    const d = await decode(detail.EncodedDiagnosticMessage);
    expect(d).toMatchObject({ NoPermissionPolicyType: "AssumeRolePolicy", ExplicitDeny: false, AuthResource: `acs:ram::${UID}:role/eas-oss-reader` });
    expect(d.MatchedPolicies).toEqual([{ PolicyIdentifier: "eas-oss-reader", PolicyType: "AssumeRolePolicy", AttachedEntityType: "RamRole", AttachedScope: "Account" }]);
  });

  it("names the session policy when it narrows a role session", async () => {
    const onlyList = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "ram:ListRoles", Resource: "*" }] });
    const r = await stsClient(emu.port, alice).assumeRole({ roleArn: `acs:ram::${UID}:role/legacy-admin`, roleSessionName: "narrow", policy: onlyList });
    const session = { accessKeyId: r.credentials.accessKeyId, accessKeySecret: r.credentials.accessKeySecret, securityToken: r.credentials.securityToken };
    const e = await rejection<Refusal>(ramClient(emu.port, session).getRole(new $Ram.GetRoleRequest({ roleName: "eas-oss-reader" })));
    const d = await decode(encoded(e));
    expect(d).toMatchObject({
      NoPermissionPolicyType: "SessionPolicy",
      ExplicitDeny: false,
      AuthPrincipal: { AuthPrincipalType: "AssumedRoleUser", AuthPrincipalDisplayName: "legacy-admin:narrow" },
    });
    expect(d.MatchedPolicies).toEqual([{ PolicyIdentifier: "SessionPolicy", PolicyType: "SessionPolicy", AttachedEntityType: "AssumedRoleUser", AttachedScope: "Account" }]);
  });

  it("carries a decodable message on a refused EAS call too", async () => {
    const root = ramClient(emu.port);
    await root.createPolicy(new $Ram.CreatePolicyRequest({ policyName: "no-eas-listing", policyDocument: JSON.stringify({ Version: "1", Statement: [{ Effect: "Deny", Action: "eas:ListServices", Resource: "*" }] }) }));
    await root.attachPolicyToUser(new $Ram.AttachPolicyToUserRequest({ policyName: "no-eas-listing", policyType: "Custom", userName: "carol" }));
    const e = await rejection<CloudError>(easGateway(emu, carol).listServices("cn-hangzhou"));
    expect(e.code).toBe("NoPermission");
    expect(e.accessDenied).toMatchObject({ NoPermissionType: "ExplicitDeny", AuthAction: "eas:ListServices", AuthPrincipalDisplayName: "carol" });
    const d = await decode(e.accessDenied?.EncodedDiagnosticMessage);
    expect(d).toMatchObject({ AuthAction: "eas:ListServices", ExplicitDeny: true });
    expect(d.MatchedPolicies.map((m) => m.PolicyIdentifier)).toEqual(["no-eas-listing"]);
  });

  it("keeps the message opaque: neither JSON in base64 nor readable, and an altered one does not decode", async () => {
    const e = await rejection<Refusal>(ramClient(emu.port, bob).getRole(new $Ram.GetRoleRequest({ roleName: "legacy-admin" })));
    const raw = Buffer.from(encoded(e), "base64");
    expect(raw.toString("utf8")).not.toContain("ram:GetRole");
    const altered = Buffer.from(raw);
    altered[altered.length - 1] ^= 1;
    const bad = await rejection<{ code: string; statusCode: number }>(decode(altered.toString("base64")));
    expect([bad.code, bad.statusCode]).toEqual(["InvalidParameter.EncodedDiagnosticMessage", 400]);
    const missing = await rejection<{ code: string }>(decode(""));
    expect(missing.code).toBe("MissingParameter");
  });

  it("refuses a message from another account with NotSupport", async () => {
    const theirs = sealDiagnostic("1999900000000009", {
      AuthAction: "ram:ListRoles", AuthResource: "*", AuthConditions: [], ExplicitDeny: false, NoPermissionPolicyType: "AccountLevelIdentityBasedPolicy", MatchedPolicies: [],
      AuthPrincipal: { AuthPrincipalType: "SubUser", AuthPrincipalOwnerId: "1999900000000009", AuthPrincipalDisplayName: "mallory" },
    });
    const e = await rejection<{ code: string; statusCode: number }>(decode(theirs));
    expect([e.code, e.statusCode]).toEqual(["NotSupport", 400]);
  });

  it("needs ram:DecodeDiagnosticMessage itself, and refuses it with its own decodable message", async () => {
    // bob's read-only policy covers Get* and List*, not DecodeDiagnosticMessage.
    const first = await rejection<Refusal>(ramClient(emu.port, bob).getRole(new $Ram.GetRoleRequest({ roleName: "legacy-admin" })));
    const e = await rejection<Refusal>(decode(encoded(first), bob));
    expect(e.code).toBe("NoPermission");
    expect((await decode(encoded(e))).AuthAction).toBe("ram:DecodeDiagnosticMessage");
  });
});
