import { describe, expect, it } from "vitest";
import { parseArn, roleArn, roleNameFromArn } from "./arn";
import { addServicePrincipal, buildEasTrustPolicy, buildPassRolePolicy, EAS_SERVICE_PRINCIPAL } from "./builders";
import { evaluate } from "./evaluate";
import { parsePolicy } from "./parse";
import { serializePolicy } from "./serialize";
import { canAssume } from "./trust";
import type { PolicyDocument } from "./types";

const FAQ_BEFORE = `{ "Statement": [ { "Action": "sts:AssumeRole", "Effect": "Allow", "Principal": { "RAM": [ "acs:ram::aaa:root" ], "Service": [ "xxx.aliyuncs.com" ] } } ], "Version": "1" }`;
const FAQ_AFTER = `{ "Statement": [ { "Action": "sts:AssumeRole", "Effect": "Allow", "Principal": { "RAM": [ "acs:ram::aaa:root" ], "Service": [ "xxx.aliyuncs.com", "eas.pai.aliyuncs.com" ] } } ], "Version": "1" }`;

function trust(text: string): PolicyDocument {
  const r = parsePolicy(text, { kind: "trust" });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.policy;
}

describe("addServicePrincipal", () => {
  it("performs the seed FAQ's edit exactly", () => {
    const before = trust(FAQ_BEFORE);
    const { policy, changed } = addServicePrincipal(before, EAS_SERVICE_PRINCIPAL);
    expect(changed).toBe(true);
    expect(policy).toEqual(trust(FAQ_AFTER));
    expect(before).toEqual(trust(FAQ_BEFORE));
    expect(canAssume(policy, { type: "Service", service: EAS_SERVICE_PRINCIPAL }).decision).toBe("Allow");
    expect(canAssume(policy, { type: "RAMUser", account: "aaa", name: "u" }).decision).toBe("Allow");
  });

  it("is a no-op when the service is already trusted", () => {
    const { policy, changed } = addServicePrincipal(trust(FAQ_AFTER), EAS_SERVICE_PRINCIPAL);
    expect(changed).toBe(false);
    expect(policy).toEqual(trust(FAQ_AFTER));
  });

  it("adds a statement when no unconditional Allow sts:AssumeRole statement fits, leaving others alone", () => {
    const t = trust(
      JSON.stringify({
        Version: "1",
        Statement: [
          { Effect: "Deny", Action: "sts:AssumeRole", Principal: { RAM: "acs:ram::1:user/x" } },
          { Effect: "Allow", Action: "sts:AssumeRole", Principal: { RAM: "acs:ram::1:root" }, Condition: { Bool: { "acs:MFAPresent": "true" } } },
        ],
      }),
    );
    const { policy, changed } = addServicePrincipal(t, EAS_SERVICE_PRINCIPAL);
    expect(changed).toBe(true);
    expect(policy.Statement.slice(0, 2)).toEqual(t.Statement);
    expect(policy.Statement[2]).toEqual({ Effect: "Allow", Principal: { Service: [EAS_SERVICE_PRINCIPAL] }, Action: ["sts:AssumeRole"] });
  });

  it("adds Service to a RAM-only statement", () => {
    const t = trust(`{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":"acs:ram::1:root"}}]}`);
    const { policy } = addServicePrincipal(t, EAS_SERVICE_PRINCIPAL);
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0].Principal).toEqual({ RAM: ["acs:ram::1:root"], Service: [EAS_SERVICE_PRINCIPAL] });
  });
});

describe("builders", () => {
  it("buildEasTrustPolicy trusts EAS (and extra services once each), and parses as a trust policy", () => {
    const p = buildEasTrustPolicy({ alsoTrust: ["ecs.aliyuncs.com", EAS_SERVICE_PRINCIPAL] });
    expect(p.Statement[0].Principal?.Service).toEqual([EAS_SERVICE_PRINCIPAL, "ecs.aliyuncs.com"]);
    expect(parsePolicy(serializePolicy(p), { kind: "trust" })).toEqual({ ok: true, policy: p, errors: [] });
    expect(canAssume(p, { type: "Service", service: EAS_SERVICE_PRINCIPAL }).decision).toBe("Allow");
  });

  it("buildPassRolePolicy has the seed's exact shape", () => {
    const seed = parsePolicy(`{ "Version": "1", "Statement": [ { "Effect": "Allow", "Action": "ram:PassRole", "Resource": "acs:ram::*:role/eas-runner" } ] }`);
    expect(seed.ok && seed.policy).toEqual(buildPassRolePolicy("eas-runner"));
  });

  it("buildPassRolePolicy with an account and an expiry", () => {
    const expiresAt = new Date("2026-12-31T00:00:00Z");
    const p = buildPassRolePolicy("r", { accountId: "123", expiresAt });
    expect(p.Statement[0].Resource).toEqual(["acs:ram::123:role/r"]);
    const req = (t: string) => ({ action: "ram:PassRole", resource: "acs:ram::123:role/r", context: { "acs:CurrentTime": t } });
    expect(evaluate(req("2026-12-30T23:59:59Z"), [{ name: "p", document: p }]).decision).toBe("Allow");
    expect(evaluate(req("2026-12-31T00:00:00Z"), [{ name: "p", document: p }]).decision).toBe("ImplicitDeny");
    expect(parsePolicy(serializePolicy(p)).ok).toBe(true);
  });
});

describe("ARN helpers", () => {
  it("parses ARNs, keeping colons in the resource part", () => {
    expect(parseArn("acs:ram::123:role/eas-runner")).toEqual({ service: "ram", region: "", account: "123", resource: "role/eas-runner" });
    expect(parseArn("acs:oss:*:*:bucket/a:b")).toEqual({ service: "oss", region: "*", account: "*", resource: "bucket/a:b" });
    expect(parseArn("arn:aws:s3:::b")).toBeUndefined();
    expect(parseArn("acs:ram::1")).toBeUndefined();
  });

  it("builds and reads role ARNs", () => {
    expect(roleArn("123", "eas-runner")).toBe("acs:ram::123:role/eas-runner");
    expect(roleNameFromArn("acs:ram::123:role/eas-runner")).toBe("eas-runner");
    expect(roleNameFromArn("acs:ram::123:user/bob")).toBeUndefined();
    expect(roleNameFromArn("acs:oss:*:*:role/x")).toBeUndefined();
  });
});
