import { describe, expect, it } from "vitest";
import { parsePolicy } from "./parse";
import { canAssume, trustedPrincipals } from "./trust";
import type { Principal } from "./types";

function trust(json: object) {
  const r = parsePolicy(json, { kind: "trust" });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.policy;
}

const seedTrust = trust({
  Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { RAM: ["acs:ram::aaa:root"], Service: ["xxx.aliyuncs.com"] } }],
  Version: "1",
});
const mixed = trust({
  Version: "1",
  Statement: [
    { Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"], RAM: ["acs:ram::111:user/alice", "acs:ram::111:role/ci-*"] } },
    { Effect: "Allow", Action: "sts:AssumeRoleWithSAML", Principal: { Federated: "acs:ram::111:saml-provider/idp" }, Condition: { StringEquals: { "saml:recipient": "https://signin.aliyun.com/saml-role/sso" } } },
    { Effect: "Allow", Action: "sts:AssumeRole", Principal: { RAM: "222" } },
    { Effect: "Deny", Action: "sts:AssumeRole", Principal: { RAM: "acs:ram::222:user/mallory" } },
  ],
});

const eas: Principal = { type: "Service", service: "eas.pai.aliyuncs.com" };

type Row = [name: string, principal: Principal, decision: "Allow" | "ExplicitDeny" | "ImplicitDeny"];
const seedRows: Row[] = [
  ["account root trusts a RAM user of that account", { type: "RAMUser", account: "aaa", name: "bob" }, "Allow"],
  ["account root trusts a RAM role of that account", { type: "RAMRole", account: "aaa", name: "deployer" }, "Allow"],
  ["account root trusts the root itself", { type: "Root", account: "aaa" }, "Allow"],
  ["account root does not trust another account", { type: "RAMUser", account: "bbb", name: "bob" }, "ImplicitDeny"],
  ["the listed service", { type: "Service", service: "xxx.aliyuncs.com" }, "Allow"],
  ["service names ignore case", { type: "Service", service: "XXX.aliyuncs.com" }, "Allow"],
  ["EAS is not trusted before the FAQ fix", eas, "ImplicitDeny"],
  ["a federated principal is not trusted", { type: "Federated", provider: "acs:ram::aaa:saml-provider/x" }, "ImplicitDeny"],
];
const mixedRows: Row[] = [
  ["EAS service principal", eas, "Allow"],
  ["a named user", { type: "RAMUser", account: "111", name: "alice" }, "Allow"],
  ["a different user of that account", { type: "RAMUser", account: "111", name: "bob" }, "ImplicitDeny"],
  ["a user named like the role", { type: "RAMUser", account: "111", name: "ci-build" }, "ImplicitDeny"],
  ["a role matching the role wildcard", { type: "RAMRole", account: "111", name: "ci-build" }, "Allow"],
  ["a role not matching", { type: "RAMRole", account: "111", name: "prod" }, "ImplicitDeny"],
  ["the account's root is not a named user", { type: "Root", account: "111" }, "ImplicitDeny"],
  ["a bare account id trusts that account", { type: "RAMRole", account: "222", name: "any" }, "Allow"],
  ["a Deny naming a user wins over the account trust", { type: "RAMUser", account: "222", name: "mallory" }, "ExplicitDeny"],
  ["a federated principal needs sts:AssumeRoleWithSAML, not AssumeRole", { type: "Federated", provider: "acs:ram::111:saml-provider/idp" }, "ImplicitDeny"],
];

describe("canAssume", () => {
  it.each(seedRows)("seed trust policy: %s", (_n, p, d) => expect(canAssume(seedTrust, p).decision).toBe(d));
  it.each(mixedRows)("mixed trust policy: %s", (_n, p, d) => expect(canAssume(mixed, p).decision).toBe(d));

  it("matches Federated principals on a statement for sts:AssumeRole, with its condition", () => {
    const fed = trust({
      Version: "1",
      Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Federated: ["acs:ram::111:oidc-provider/gh"] }, Condition: { StringEquals: { "oidc:aud": "sts" } } }],
    });
    const p: Principal = { type: "Federated", provider: "acs:ram::111:oidc-provider/gh" };
    expect(canAssume(fed, p, { "oidc:aud": "sts" }).decision).toBe("Allow");
    expect(canAssume(fed, p, { "oidc:aud": "other" }).decision).toBe("ImplicitDeny");
    expect(canAssume(fed, p).missingContextKeys).toEqual(["oidc:aud"]);
    expect(canAssume(fed, { type: "Federated", provider: "acs:ram::111:oidc-provider/other" }, { "oidc:aud": "sts" }).decision).toBe("ImplicitDeny");
  });

  it("ignores Resource in trust policies and reports the deciding statement", () => {
    const t = trust({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "acs:ram::1:role/r", Principal: { Service: "eas.pai.aliyuncs.com" } }] });
    expect(canAssume(t, eas)).toEqual({ decision: "Allow", matched: [{ policy: "AssumeRolePolicy", statementIndex: 0, effect: "Allow" }], missingContextKeys: [] });
  });

  it("denies an invalid principal instead of throwing", () => {
    expect(canAssume(seedTrust, { type: "Service" } as unknown as Principal).decision).toBe("ImplicitDeny");
  });
});

describe("trustedPrincipals", () => {
  it("lists every principal with its effect, statement and whether it is conditional", () => {
    expect(trustedPrincipals(mixed)).toEqual([
      { kind: "Service", value: "eas.pai.aliyuncs.com", effect: "Allow", statementIndex: 0, conditional: false },
      { kind: "RAM", value: "acs:ram::111:user/alice", effect: "Allow", statementIndex: 0, conditional: false },
      { kind: "RAM", value: "acs:ram::111:role/ci-*", effect: "Allow", statementIndex: 0, conditional: false },
      { kind: "Federated", value: "acs:ram::111:saml-provider/idp", effect: "Allow", statementIndex: 1, conditional: true },
      { kind: "RAM", value: "222", effect: "Allow", statementIndex: 2, conditional: false },
      { kind: "RAM", value: "acs:ram::222:user/mallory", effect: "Deny", statementIndex: 3, conditional: false },
    ]);
  });
});
