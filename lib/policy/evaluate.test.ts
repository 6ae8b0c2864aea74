import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import type { NamedPolicy, PolicyDocument, Statement } from "./types";
import { actionMatches, resourceMatches } from "./wildcard";

const doc = (...Statement: Statement[]): PolicyDocument => ({ Version: "1", Statement });
const allow = (Action: string[], Resource: string[], extra: Partial<Statement> = {}): Statement => ({ Effect: "Allow", Action, Resource, ...extra });
const deny = (Action: string[], Resource: string[], extra: Partial<Statement> = {}): Statement => ({ Effect: "Deny", Action, Resource, ...extra });

type Case = [name: string, statements: Statement[], action: string, resource: string, decision: "Allow" | "ExplicitDeny" | "ImplicitDeny"];

const B = "acs:oss:*:*:models";
const OBJ = "acs:oss:*:*:models/v1/weights.bin";

const cases: Case[] = [
  ["exact action and resource", [allow(["oss:GetObject"], [OBJ])], "oss:GetObject", OBJ, "Allow"],
  ["no statement: default deny", [], "oss:GetObject", OBJ, "ImplicitDeny"],
  ["other action", [allow(["oss:GetObject"], [OBJ])], "oss:PutObject", OBJ, "ImplicitDeny"],
  ["other resource", [allow(["oss:GetObject"], [OBJ])], "oss:GetObject", `${OBJ}2`, "ImplicitDeny"],
  ["action is case-insensitive (lower request)", [allow(["oss:GetObject"], [OBJ])], "oss:getobject", OBJ, "Allow"],
  ["action is case-insensitive (upper pattern)", [allow(["OSS:GETOBJECT"], [OBJ])], "oss:GetObject", OBJ, "Allow"],
  ["resource is case-sensitive", [allow(["oss:GetObject"], [OBJ])], "oss:GetObject", OBJ.toUpperCase(), "ImplicitDeny"],
  ["resource case differs in bucket", [allow(["oss:GetObject"], ["acs:oss:*:*:Models/*"])], "oss:GetObject", OBJ, "ImplicitDeny"],
  ["Action *", [allow(["*"], ["*"])], "ecs:RunInstances", "acs:ecs:cn-hangzhou:1:instance/i-1", "Allow"],
  ["service wildcard", [allow(["oss:*"], ["*"])], "oss:DeleteBucket", B, "Allow"],
  ["service wildcard is not another service", [allow(["oss:*"], ["*"])], "ossx:DeleteBucket", B, "ImplicitDeny"],
  ["prefix wildcard", [allow(["oss:Get*"], ["*"])], "oss:GetObjectAcl", OBJ, "Allow"],
  ["prefix wildcard matches empty rest", [allow(["oss:Get*"], ["*"])], "oss:Get", OBJ, "Allow"],
  ["prefix wildcard miss", [allow(["oss:Get*"], ["*"])], "oss:PutObject", OBJ, "ImplicitDeny"],
  ["infix wildcard", [allow(["eas:*Service"], ["*"])], "eas:CreateService", "x", "Allow"],
  ["infix wildcard miss", [allow(["eas:*Service"], ["*"])], "eas:CreateServices", "x", "ImplicitDeny"],
  ["? matches one character", [allow(["oss:Put?bject"], ["*"])], "oss:PutObject", OBJ, "Allow"],
  ["? needs exactly one", [allow(["oss:Put?bject"], ["*"])], "oss:Putbject", OBJ, "ImplicitDeny"],
  ["? needs exactly one (two given)", [allow(["oss:Put?bject"], ["*"])], "oss:PutOObject", OBJ, "ImplicitDeny"],
  ["wildcard service code", [allow(["*:Describe*"], ["*"])], "ecs:DescribeInstances", "x", "Allow"],
  ["any of several actions", [allow(["oss:GetObject", "oss:ListObjects"], ["*"])], "oss:ListObjects", B, "Allow"],
  ["bucket objects pattern covers object", [allow(["oss:GetObject"], [`${B}/*`])], "oss:GetObject", OBJ, "Allow"],
  ["bucket objects pattern is not the bucket", [allow(["oss:ListObjects"], [`${B}/*`])], "oss:ListObjects", B, "ImplicitDeny"],
  ["bucket ARN is not its objects", [allow(["oss:GetObject"], [B])], "oss:GetObject", OBJ, "ImplicitDeny"],
  ["* in resource spans colons and slashes", [allow(["oss:GetObject"], ["acs:oss:*"])], "oss:GetObject", OBJ, "Allow"],
  ["region and account wildcards", [allow(["eas:*"], ["acs:eas:*:*:service/*"])], "eas:DescribeService", "acs:eas:cn-shanghai:123:service/s1", "Allow"],
  ["specific region", [allow(["eas:*"], ["acs:eas:cn-hangzhou:*:service/*"])], "eas:DescribeService", "acs:eas:cn-shanghai:123:service/s1", "ImplicitDeny"],
  ["? in resource", [allow(["eas:*"], ["acs:eas:*:*:service/s?"])], "eas:DescribeService", "acs:eas:x:1:service/s1", "Allow"],
  ["? in resource needs a character", [allow(["eas:*"], ["acs:eas:*:*:service/s?"])], "eas:DescribeService", "acs:eas:x:1:service/s", "ImplicitDeny"],
  ["PassRole on a named role", [allow(["ram:PassRole"], ["acs:ram::*:role/eas-runner"])], "ram:PassRole", "acs:ram::123:role/eas-runner", "Allow"],
  ["PassRole on another role", [allow(["ram:PassRole"], ["acs:ram::*:role/eas-runner"])], "ram:PassRole", "acs:ram::123:role/admin", "ImplicitDeny"],
  ["PassRole role prefix is not a match", [allow(["ram:PassRole"], ["acs:ram::*:role/eas"])], "ram:PassRole", "acs:ram::123:role/eas-runner", "ImplicitDeny"],
  ["regex characters are literal", [allow(["oss:GetObject"], ["acs:oss:*:*:a.b/(x)+"])], "oss:GetObject", "acs:oss:*:*:a.b/(x)+", "Allow"],
  ["regex characters do not act as regex", [allow(["oss:GetObject"], ["acs:oss:*:*:a.b"])], "oss:GetObject", "acs:oss:*:*:aXb", "ImplicitDeny"],
  ["NotAction allows everything else", [{ Effect: "Allow", NotAction: ["ram:*"], Resource: ["*"] }], "oss:GetObject", OBJ, "Allow"],
  ["NotAction excludes the listed", [{ Effect: "Allow", NotAction: ["ram:*"], Resource: ["*"] }], "ram:PassRole", "x", "ImplicitDeny"],
  ["NotAction is case-insensitive", [{ Effect: "Allow", NotAction: ["RAM:*"], Resource: ["*"] }], "ram:CreateRole", "x", "ImplicitDeny"],
  ["NotResource allows other resources", [{ Effect: "Allow", Action: ["oss:*"], NotResource: [`${B}/secret/*`] }], "oss:GetObject", OBJ, "Allow"],
  ["NotResource excludes the listed", [{ Effect: "Allow", Action: ["oss:*"], NotResource: [`${B}/v1/*`] }], "oss:GetObject", OBJ, "ImplicitDeny"],
  ["Deny with NotAction denies the rest", [allow(["*"], ["*"]), { Effect: "Deny", NotAction: ["oss:Get*"], Resource: ["*"] }], "oss:PutObject", OBJ, "ExplicitDeny"],
  ["Deny with NotAction spares the listed", [allow(["*"], ["*"]), { Effect: "Deny", NotAction: ["oss:Get*"], Resource: ["*"] }], "oss:GetObject", OBJ, "Allow"],
  ["Deny with NotResource denies elsewhere", [allow(["oss:*"], ["*"]), { Effect: "Deny", Action: ["oss:*"], NotResource: [`${B}/*`] }], "oss:GetObject", "acs:oss:*:*:other/x", "ExplicitDeny"],
  ["Deny with NotResource spares the listed", [allow(["oss:*"], ["*"]), { Effect: "Deny", Action: ["oss:*"], NotResource: [`${B}/*`] }], "oss:GetObject", OBJ, "Allow"],
  ["explicit Deny beats Allow", [allow(["oss:*"], ["*"]), deny(["oss:DeleteObject"], ["*"])], "oss:DeleteObject", OBJ, "ExplicitDeny"],
  ["Deny first still beats Allow", [deny(["oss:DeleteObject"], ["*"]), allow(["oss:*"], ["*"])], "oss:DeleteObject", OBJ, "ExplicitDeny"],
  ["Deny elsewhere leaves Allow", [allow(["oss:*"], ["*"]), deny(["oss:DeleteObject"], ["*"])], "oss:GetObject", OBJ, "Allow"],
  ["Deny alone is still a deny", [deny(["oss:*"], ["*"])], "oss:GetObject", OBJ, "ExplicitDeny"],
  ["Deny on other resource", [allow(["oss:*"], ["*"]), deny(["oss:*"], [`${B}/private/*`])], "oss:GetObject", OBJ, "Allow"],
  ["Deny case-insensitive action", [allow(["oss:*"], ["*"]), deny(["OSS:DELETE*"], ["*"])], "oss:deleteObject", OBJ, "ExplicitDeny"],
];

describe("evaluate: actions, resources, wildcards, Not*, Deny over Allow", () => {
  it.each(cases)("%s", (_name, statements, action, resource, decision) => {
    expect(evaluate({ action, resource }, [{ name: "p", document: doc(...statements) }]).decision).toBe(decision);
  });
});

describe("evaluate: matched statements and context keys", () => {
  const conditional = allow(["oss:GetObject"], ["*"], { Condition: { IpAddress: { "acs:SourceIp": ["10.0.0.0/8"] }, Bool: { "acs:SecureTransport": ["true"] } } });

  it("lists every matching Allow across policies, none for a deny decision", () => {
    const policies: NamedPolicy[] = [
      { name: "A", document: doc(allow(["oss:*"], ["*"]), allow(["ecs:*"], ["*"]), allow(["oss:Get*"], [`${B}/*`])) },
      { name: "B", document: doc(allow(["oss:GetObject"], [OBJ])) },
    ];
    const r = evaluate({ action: "oss:GetObject", resource: OBJ }, policies);
    expect(r.decision).toBe("Allow");
    expect(r.matched).toEqual([
      { policy: "A", statementIndex: 0, effect: "Allow" },
      { policy: "A", statementIndex: 2, effect: "Allow" },
      { policy: "B", statementIndex: 0, effect: "Allow" },
    ]);
  });

  it("lists every matching Deny for ExplicitDeny, and no Allow", () => {
    const policies: NamedPolicy[] = [
      { name: "Allow", document: doc(allow(["*"], ["*"])) },
      { name: "Guard", document: doc(deny(["oss:Delete*"], ["*"]), deny(["ecs:*"], ["*"]), deny(["*"], [`${B}/*`])) },
    ];
    const r = evaluate({ action: "oss:DeleteObject", resource: OBJ }, policies);
    expect(r.decision).toBe("ExplicitDeny");
    expect(r.matched).toEqual([
      { policy: "Guard", statementIndex: 0, effect: "Deny" },
      { policy: "Guard", statementIndex: 2, effect: "Deny" },
    ]);
  });

  it("returns no matches for ImplicitDeny", () => {
    const r = evaluate({ action: "oss:GetObject", resource: OBJ }, [{ name: "p", document: doc(allow(["ecs:*"], ["*"])) }]);
    expect(r).toEqual({ decision: "ImplicitDeny", matched: [], missingContextKeys: [] });
  });

  it("ANDs operators and keys: all must hold", () => {
    const p = [{ name: "p", document: doc(conditional) }];
    const req = (ip: string, secure: boolean) => ({ action: "oss:GetObject", resource: OBJ, context: { "acs:SourceIp": ip, "acs:SecureTransport": secure } });
    expect(evaluate(req("10.0.0.1", true), p).decision).toBe("Allow");
    expect(evaluate(req("10.0.0.1", false), p).decision).toBe("ImplicitDeny");
    expect(evaluate(req("8.8.8.8", true), p).decision).toBe("ImplicitDeny");
  });

  it("reports each missing key once, even when several statements ask for it", () => {
    const p = [{ name: "p", document: doc(conditional, conditional) }, { name: "q", document: doc(conditional) }];
    const r = evaluate({ action: "oss:GetObject", resource: OBJ, context: { "acs:SecureTransport": true } }, p);
    expect(r.decision).toBe("ImplicitDeny");
    expect(r.missingContextKeys).toEqual(["acs:SourceIp"]);
  });

  it("does not ask for keys of statements whose action does not match", () => {
    const r = evaluate({ action: "ecs:RunInstances", resource: "x", context: {} }, [{ name: "p", document: doc(conditional) }]);
    expect(r.missingContextKeys).toEqual([]);
  });

  it("a conditional Deny applies only when its condition holds", () => {
    const p = [{ name: "p", document: doc(allow(["ram:*"], ["*"]), deny(["ram:*"], ["*"], { Condition: { Bool: { "acs:MFAPresent": ["false"] } } })) }];
    expect(evaluate({ action: "ram:CreateRole", resource: "x", context: { "acs:MFAPresent": false } }, p).decision).toBe("ExplicitDeny");
    expect(evaluate({ action: "ram:CreateRole", resource: "x", context: { "acs:MFAPresent": true } }, p).decision).toBe("Allow");
    const missing = evaluate({ action: "ram:CreateRole", resource: "x" }, p);
    expect(missing).toMatchObject({ decision: "Allow", missingContextKeys: ["acs:MFAPresent"] });
  });

  it("PassRole to EAS only: acs:Service", () => {
    const p = [{ name: "p", document: doc(allow(["ram:PassRole"], ["acs:ram::*:role/r"], { Condition: { StringEquals: { "acs:Service": ["eas.pai.aliyuncs.com"] } } })) }];
    const req = (service: string) => ({ action: "ram:PassRole", resource: "acs:ram::1:role/r", context: { "acs:Service": service } });
    expect(evaluate(req("eas.pai.aliyuncs.com"), p).decision).toBe("Allow");
    expect(evaluate(req("ecs.aliyuncs.com"), p).decision).toBe("ImplicitDeny");
  });

  it("ram:ServiceName on CreateServiceLinkedRole", () => {
    const p = [{ name: "p", document: doc(allow(["ram:CreateServiceLinkedRole"], ["*"], { Condition: { StringEquals: { "ram:ServiceName": ["eas.pai.aliyuncs.com"] } } })) }];
    const req = (name: string) => ({ action: "ram:CreateServiceLinkedRole", resource: "*", context: { "ram:ServiceName": name } });
    expect(evaluate(req("eas.pai.aliyuncs.com"), p).decision).toBe("Allow");
    expect(evaluate(req("vpc.aliyuncs.com"), p).decision).toBe("ImplicitDeny");
  });

  it("recompiles a new document object, and caches by identity", () => {
    const d = doc(allow(["oss:GetObject"], ["*"]));
    expect(evaluate({ action: "oss:GetObject", resource: "x" }, [{ name: "p", document: d }]).decision).toBe("Allow");
    const edited = { ...d, Statement: [allow(["oss:PutObject"], ["*"])] };
    expect(evaluate({ action: "oss:GetObject", resource: "x" }, [{ name: "p", document: edited }]).decision).toBe("ImplicitDeny");
  });
});

describe("actionMatches / resourceMatches", () => {
  it.each([
    ["oss:*", "OSS:GetObject", true],
    ["oss:Get?bject", "oss:getobject", true],
    ["oss:Get", "oss:GetObject", false],
    ["*", "anything:At", true],
    ["*:List*", "eas:ListServices", true],
  ])("actionMatches(%j, %j) = %s", (p, a, want) => expect(actionMatches(p, a)).toBe(want));

  it.each([
    ["acs:oss:*:*:b/*", "acs:oss:*:*:b/x/y", true],
    ["acs:oss:*:*:b/*", "acs:oss:*:*:B/x", false],
    ["acs:ram::*:role/*", "acs:ram::1:role/a", true],
    ["acs:ram::*:role/a?c", "acs:ram::1:role/abc", true],
    ["acs:*:*:*:*/*", "acs:eas:r:1:service", false],
  ])("resourceMatches(%j, %j) = %s", (p, r, want) => expect(resourceMatches(p, r)).toBe(want));
});
