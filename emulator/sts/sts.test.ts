import Credential, { Config as CredentialConfig } from "@alicloud/credentials";
import * as $Ram from "@alicloud/ram20150501";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudError } from "../../lib/cloud/types";
import { MAX_SESSION_POLICY_CHARS } from "../../lib/policy";
import { DEMO_KEYS } from "../seed/demo-keys";
import { createEmulator, type RunningEmulator } from "../server";
import { ramClient, rejection, ROOT_KEY, stsClient, type KeyPair } from "../../tests/support/cloud/clients";

const UID = "1784200000000001";
const arn = (role: string) => `acs:ram::${UID}:role/${role}`;
const alice: KeyPair = { accessKeyId: DEMO_KEYS.alice.id, accessKeySecret: DEMO_KEYS.alice.secret };
const bob: KeyPair = { accessKeyId: DEMO_KEYS.bob.id, accessKeySecret: DEMO_KEYS.bob.secret };

let emu: RunningEmulator;
let clock = new Date();
beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20, now: () => clock, credentialsRole: "eas-oss-reader" });
});
afterAll(() => emu.close());

async function stsError(p: Promise<unknown>): Promise<CloudError> {
  const e = await rejection<CloudError>(p);
  expect(e).toBeInstanceOf(CloudError);
  return e;
}

/** A valid session policy of exactly `length` characters. */
function sessionPolicyOf(length: number): string {
  const doc = (pad: string) => JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "oss:GetObject", Resource: `acs:oss:*:*:models/${pad}*` }] });
  const text = doc("p".repeat(length - doc("").length));
  expect(text.length).toBe(length);
  return text;
}

async function assume(k: KeyPair, role: string, extra: { policy?: string; durationSeconds?: number } = {}) {
  const r = await stsClient(emu.port, k).assumeRole({ roleArn: arn(role), roleSessionName: "test-session", ...extra });
  return { r, key: { accessKeyId: r.credentials.accessKeyId, accessKeySecret: r.credentials.accessKeySecret, securityToken: r.credentials.securityToken } };
}

describe("AssumeRole", () => {
  it("refuses the account's root AccessKey: only RAM users and roles may call AssumeRole", async () => {
    const root = await stsError(assume(ROOT_KEY, "data-pipeline"));
    expect([root.code, root.httpStatus, root.message]).toEqual(["NoPermission", 403, "You are not authorized to do this action. You should be authorized by RAM."]);
  });

  it("issues credentials to a RAM user with AliyunSTSAssumeRoleAccess when the trust policy names the account root", async () => {
    const { r } = await assume(alice, "data-pipeline");
    expect(r.credentials.accessKeyId).toMatch(/^STS\./);
    expect(r.credentials.securityToken.length).toBeGreaterThan(100);
    expect(r.credentials.expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(r.credentials.expiration) - clock.getTime()).toBeGreaterThan(3500_000);
    expect(r.assumedRoleUser.assumedRoleId).toMatch(/^\d+:test-session$/);
  });

  it("honours the trust policy and the caller's own sts:AssumeRole permission", async () => {
    expect((await assume(alice, "data-pipeline")).r.credentials.accessKeyId).toMatch(/^STS\./);
    const serviceOnly = await stsError(assume(alice, "eas-oss-reader"));
    expect([serviceOnly.code, serviceOnly.httpStatus]).toEqual(["NoPermission", 403]);
    expect(serviceOnly.message).toBe("You are not authorized to do this action. You should be authorized by RAM.");
    // bob is trusted through the account root, but holds no sts:AssumeRole himself.
    expect((await stsError(assume(bob, "data-pipeline"))).code).toBe("NoPermission");
    expect((await stsError(assume(alice, "missing-role"))).code).toBe("EntityNotExist.Role");
  });

  it("finds the role by its ARN in any case, and writes the name lower-case in every ARN it answers", async () => {
    await ramClient(emu.port).createRole(
      new $Ram.CreateRoleRequest({ roleName: "StsMixedCase", assumeRolePolicyDocument: JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { RAM: [`acs:ram::${UID}:root`] } }] }) }),
    );
    for (const spelling of ["StsMixedCase", "stsmixedcase", "STSMIXEDCASE"]) {
      const { r, key } = await assume(alice, spelling);
      expect(r.assumedRoleUser.arn).toBe(`acs:ram::${UID}:role/stsmixedcase/test-session`);
      expect((await stsClient(emu.port, key).getCallerIdentity()).arn).toBe(`acs:ram::${UID}:assumed-role/stsmixedcase/test-session`);
    }
  });

  it("checks DurationSeconds, the session policy size and grammar", async () => {
    expect((await stsError(assume(alice, "data-pipeline", { durationSeconds: 100 }))).code).toBe("InvalidParameter.DurationSeconds");
    expect((await stsError(assume(alice, "data-pipeline", { durationSeconds: 7201 }))).code).toBe("InvalidParameter.DurationSeconds");
    expect((await assume(alice, "data-pipeline", { durationSeconds: 7200 })).r.credentials.accessKeyId).toBeTruthy();
    const atLimit = sessionPolicyOf(MAX_SESSION_POLICY_CHARS);
    expect(MAX_SESSION_POLICY_CHARS).toBe(2048);
    expect((await assume(alice, "data-pipeline", { policy: atLimit })).r.credentials.accessKeyId).toMatch(/^STS\./);
    const over = await stsError(assume(alice, "data-pipeline", { policy: sessionPolicyOf(MAX_SESSION_POLICY_CHARS + 1) }));
    expect([over.code, over.httpStatus]).toEqual(["InvalidParameter.PolicySize", 400]);
    expect((await stsError(assume(alice, "data-pipeline", { policy: '{"Version":"2"}' }))).code).toBe("InvalidParameter.PolicyGrammar");
  });
});

describe("role sessions", () => {
  it("authorises with the role's policies, narrowed by the session policy", async () => {
    const { key } = await assume(alice, "legacy-admin");
    expect((await ramClient(emu.port, key).getRole(new $Ram.GetRoleRequest({ roleName: "eas-oss-reader" }))).body?.role?.roleName).toBe("eas-oss-reader");
    const onlyList = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "ram:ListRoles", Resource: "*" }] });
    const narrowed = (await assume(alice, "legacy-admin", { policy: onlyList })).key;
    expect((await ramClient(emu.port, narrowed).listRoles(new $Ram.ListRolesRequest({ maxItems: 1 }))).body?.roles?.role).toHaveLength(1);
    const denied = await rejection<{ code: string; accessDeniedDetail: Record<string, unknown> }>(
      ramClient(emu.port, narrowed).getRole(new $Ram.GetRoleRequest({ roleName: "eas-oss-reader" })),
    );
    expect(denied.code).toBe("NoPermission");
    expect(denied.accessDeniedDetail).toMatchObject({ PolicyType: "SessionPolicy", AuthPrincipalType: "AssumedRoleUser", AuthPrincipalDisplayName: "legacy-admin:test-session" });
  });

  it("refuses a missing, mismatched or expired security token", async () => {
    const a = (await assume(alice, "data-pipeline")).key;
    const b = (await assume(alice, "data-pipeline")).key;
    const get = (k: KeyPair) => ramClient(emu.port, k).listRoles(new $Ram.ListRolesRequest({}));
    expect((await rejection<{ code: string }>(get({ accessKeyId: a.accessKeyId, accessKeySecret: a.accessKeySecret, securityToken: "CAISforged" }))).code).toBe("InvalidSecurityToken.Malformed");
    expect((await rejection<{ code: string }>(get({ ...a, securityToken: b.securityToken }))).code).toBe("InvalidSecurityToken.MismatchWithAccessKey");
    const short = (await assume(alice, "legacy-admin", { durationSeconds: 900 })).key;
    expect((await get(short)).body?.roles).toBeDefined();
    clock = new Date(clock.getTime() + 901_000);
    try {
      const expired = await rejection<{ code: string; statusCode: number }>(get(short));
      expect([expired.code, expired.statusCode]).toEqual(["InvalidSecurityToken.Expired", 400]);
    } finally {
      clock = new Date();
    }
  });

  it("answers GetCallerIdentity for a user and a role session", async () => {
    expect(await stsClient(emu.port, bob).getCallerIdentity()).toMatchObject({ accountId: UID, identityType: "RAMUser", arn: `acs:ram::${UID}:user/bob` });
    const { key } = await assume(alice, "data-pipeline");
    const id = await stsClient(emu.port, key).getCallerIdentity();
    expect(id).toMatchObject({ identityType: "AssumedRoleUser", arn: `acs:ram::${UID}:assumed-role/data-pipeline/test-session` });
    expect(id.principalId).toBe(`${id.roleId}:test-session`);
  });
});

describe("credentials URI", () => {
  it("serves a role EAS may assume to @alicloud/credentials' URI provider", async () => {
    process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = "true";
    const cred = new Credential(new CredentialConfig({ type: "credentials_uri", credentialsURI: `${emu.url}/credentials/eas-oss-reader` }));
    const c = await cred.getCredential();
    expect(c.accessKeyId).toMatch(/^STS\./);
    expect(c.securityToken).toBeTruthy();
    const id = await stsClient(emu.port, { accessKeyId: c.accessKeyId!, accessKeySecret: c.accessKeySecret!, securityToken: c.securityToken }).getCallerIdentity();
    expect(id.arn).toBe(`acs:ram::${UID}:assumed-role/eas-oss-reader/eas-instance`);
  });

  it("answers in the URI provider's format, and uses the configured role on /credentials", async () => {
    const res = await fetch(`${emu.url}/credentials`);
    const body = (await res.json()) as Record<string, string>;
    expect(body.Code).toBe("Success");
    expect(body.Expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(body.Expiration) - clock.getTime()).toBeGreaterThanOrEqual(3599_000);
  });

  it("refuses a role whose trust policy lacks eas.pai.aliyuncs.com", async () => {
    const res = await fetch(`${emu.url}/credentials/ecs-batch-role`);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { Code: string }).Code).toBe("NoPermission");
    const cred = new Credential(new CredentialConfig({ type: "credentials_uri", credentialsURI: `${emu.url}/credentials/ecs-batch-role` }));
    await expect(cred.getCredential()).rejects.toThrow(/403/);
  });
});
