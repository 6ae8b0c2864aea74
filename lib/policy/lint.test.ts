import { describe, expect, it } from "vitest";
import { lintPolicy } from "./lint";
import { LINT_RULES } from "./lint-rules";
import type { LintOptions } from "./types";

const doc = (...Statement: unknown[]) => ({ Version: "1", Statement });
const allow = (Action: unknown, Resource: unknown = "*", extra: object = {}) => ({ Effect: "Allow", Action, Resource, ...extra });
const NOW = new Date("2026-06-01T00:00:00Z");

function codes(input: unknown, opts: LintOptions = {}) {
  return lintPolicy(input, { now: NOW, ...opts }).map((f) => `${f.code}@${f.path}`);
}

describe("lintPolicy", () => {
  it.each<[string, unknown, LintOptions, string]>([
    ["parse errors", doc({ Effect: "Allow", Action: "bad", Resource: "*" }), {}, "PARSE_ERROR@Statement[0].Action"],
    ["Version", { Version: "2", Statement: [] }, {}, "VERSION_NOT_1@Version"],
    ["empty Statement", doc(), {}, "EMPTY_STATEMENT@Statement"],
    ["Action *", doc(allow(["oss:GetObject", "*"])), {}, "ACTION_STAR@Statement[0].Action[1]"],
    ["service wildcard", doc(allow(["oss:*"], "acs:oss:*:*:b/*")), {}, "SERVICE_WILDCARD@Statement[0].Action[0]"],
    ["PassRole on *", doc(allow("ram:PassRole")), {}, "PASSROLE_ANY_RESOURCE@Statement[0].Resource[0]"],
    ["ram:* covers PassRole on any role", doc(allow("ram:*", ["acs:ram::123:user/*", "acs:ram::*:role/*"])), {}, "PASSROLE_ANY_RESOURCE@Statement[0].Resource[1]"],
    ["AssumeRole on *", doc(allow("sts:AssumeRole")), {}, "ASSUMEROLE_ANY_RESOURCE@Statement[0].Resource[0]"],
    ["Allow NotAction", doc({ Effect: "Allow", NotAction: "ram:*", Resource: "acs:oss:*:*:b" }), {}, "ALLOW_WITH_NOT_ACTION@Statement[0].NotAction"],
    ["Allow NotResource", doc({ Effect: "Allow", Action: "oss:GetObject", NotResource: "acs:oss:*:*:b" }), {}, "ALLOW_WITH_NOT_RESOURCE@Statement[0].NotResource"],
    ["identical statements", doc(allow("oss:GetObject", "acs:oss:*:*:b/*"), allow("oss:GetObject", "acs:oss:*:*:b/*")), {}, "REDUNDANT_STATEMENT@Statement[1]"],
    ["subsumed statement", doc(allow("oss:Get*", "acs:oss:*:*:b/*"), allow("oss:GetObject", "acs:oss:*:*:b/x/*")), {}, "REDUNDANT_STATEMENT@Statement[1]"],
    ["shadowed Allow", doc(allow("oss:GetObject", "acs:oss:*:*:b/*"), { Effect: "Deny", Action: "oss:*", Resource: "acs:oss:*:*:b/*" }), {}, "SHADOWED_BY_DENY@Statement[0]"],
    ["expired", doc(allow("oss:GetObject", "acs:oss:*:*:b/*", { Condition: { DateLessThan: { "acs:CurrentTime": "2026-01-01T00:00:00Z" } } })), {}, 'EXPIRED_CONDITION@Statement[0].Condition.DateLessThan["acs:CurrentTime"]'],
    ["unknown operator", doc(allow("oss:GetObject", "acs:oss:*:*:b", { Condition: { StringEqual: { "acs:Service": "x" } } })), {}, "UNKNOWN_CONDITION_OPERATOR@Statement[0].Condition.StringEqual"],
    ["trusts an account root", doc({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { RAM: ["acs:ram::123:user/u", "acs:ram::123:root"] } }), { kind: "trust" }, "TRUST_ACCOUNT_ROOT@Statement[0].Principal.RAM[1]"],
    ["EAS role without EAS trust", doc({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ecs.aliyuncs.com" } }), { kind: "trust", usedByEas: true }, "TRUST_MISSING_EAS@Statement"],
  ])("%s", (_name, input, opts, expected) => {
    expect(codes(input, opts)).toContain(expected);
    const code = expected.split("@")[0] as keyof typeof LINT_RULES;
    expect(lintPolicy(input, { now: NOW, ...opts }).find((f) => f.code === code)?.severity).toBe(LINT_RULES[code].severity);
  });

  it("finds nothing in the seed's PassRole policy and the FAQ's fixed trust policy", () => {
    expect(codes(doc(allow("ram:PassRole", "acs:ram::*:role/eas-runner")))).toEqual([]);
    const fixed = doc({ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: ["xxx.aliyuncs.com", "eas.pai.aliyuncs.com"] } });
    expect(codes(fixed, { kind: "trust", usedByEas: true })).toEqual([]);
  });

  it("does not flag what is not there", () => {
    expect(codes(doc(allow("oss:GetObject", "acs:oss:*:*:b/*", { Condition: { DateLessThan: { "acs:CurrentTime": "2027-01-01T00:00:00Z" } } })))).toEqual([]);
    expect(codes(doc(allow("oss:GetObject", "acs:oss:*:*:b/*"), allow("oss:PutObject", "acs:oss:*:*:b/*")))).toEqual([]);
    expect(codes(doc(allow("oss:GetObject", "acs:oss:*:*:b/*"), { Effect: "Deny", Action: "oss:*", Resource: "acs:oss:*:*:b/*", Condition: { Bool: { "acs:SecureTransport": "false" } } }))).toEqual([]);
    expect(codes(doc({ Effect: "Deny", Action: "*", Resource: "*" }))).toEqual([]);
    expect(codes(doc({ Effect: "Allow", NotAction: "ram:PassRole", Resource: "acs:ram::*:role/*" }))).not.toContain("PASSROLE_ANY_RESOURCE@Statement[0].Resource[0]");
  });

  it("infers a trust policy from Principal, reads JSON text, and orders findings by severity", () => {
    const text = JSON.stringify({ Version: "1", Statement: { Effect: "Allow", Action: "*", Principal: { RAM: "acs:ram::1:root" } } });
    const findings = lintPolicy(text, { usedByEas: true, now: NOW });
    expect(findings.map((f) => `${f.code}@${f.path}`)).toEqual(["TRUST_MISSING_EAS@Statement", "ACTION_STAR@Statement.Action[0]", "TRUST_ACCOUNT_ROOT@Statement.Principal.RAM[0]"]);
  });

  it("every rule has a severity", () => {
    for (const rule of Object.values(LINT_RULES)) expect(["error", "security-warning", "warning", "suggestion"]).toContain(rule.severity);
  });
});
