import { describe, expect, it } from "vitest";
import { MAX_PERMISSION_POLICY_CHARS, MAX_TRUST_POLICY_CHARS } from "./limits";
import { parsePolicy } from "./parse";
import { serializePolicy } from "./serialize";

const ok = { Effect: "Allow", Action: "oss:GetObject", Resource: "acs:oss:*:*:b/*" };
const doc = (...Statement: unknown[]) => ({ Version: "1", Statement });

function errorsOf(input: unknown, kind?: "permission" | "trust") {
  const r = parsePolicy(input, kind ? { kind } : undefined);
  expect(r.ok).toBe(false);
  return r.errors.map((e) => [e.path, e.code, e.message]);
}

describe("parsePolicy: normalisation", () => {
  it("accepts a JSON string or an object, single strings and a single statement object", () => {
    const r = parsePolicy(JSON.stringify({ Version: "1", Statement: ok }));
    expect(r).toEqual({ ok: true, errors: [], policy: { Version: "1", Statement: [{ Effect: "Allow", Action: ["oss:GetObject"], Resource: ["acs:oss:*:*:b/*"] }] } });
    expect(parsePolicy(doc(ok))).toEqual(r);
  });

  it("normalises condition values to string arrays and keeps Sid", () => {
    const r = parsePolicy(doc({ ...ok, Sid: "s1", Condition: { Bool: { "acs:SecureTransport": true }, NumericLessThan: { "oss:MaxKeys": [10, "20"] } } }));
    expect(r.ok && r.policy.Statement[0]).toEqual({
      Sid: "s1",
      Effect: "Allow",
      Action: ["oss:GetObject"],
      Resource: ["acs:oss:*:*:b/*"],
      Condition: { Bool: { "acs:SecureTransport": ["true"] }, NumericLessThan: { "oss:MaxKeys": ["10", "20"] } },
    });
  });

  it("round-trips through serializePolicy", () => {
    const r = parsePolicy(doc(ok, { Effect: "Deny", NotAction: ["ram:*"], NotResource: "acs:ram::*:role/x" }));
    if (!r.ok) throw new Error("invalid");
    expect(parsePolicy(serializePolicy(r.policy))).toEqual(r);
    expect(parsePolicy(serializePolicy(r.policy, { pretty: true }))).toEqual(r);
  });

  it("lets trust policies omit Resource and requires Principal there", () => {
    const t = parsePolicy(doc({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "eas.pai.aliyuncs.com" } }), { kind: "trust" });
    expect(t.ok && t.policy.Statement[0].Principal).toEqual({ Service: ["eas.pai.aliyuncs.com"] });
  });
});

describe("parsePolicy: each error names a path and the rule", () => {
  it.each<[string, unknown, "permission" | "trust" | undefined, [string, string, RegExp]]>([
    ["invalid JSON", "{", undefined, ["", "Document.Syntax", /not valid JSON/]],
    ["not an object", "[]", undefined, ["", "Document.NotObject", /JSON object/]],
    ["Version 2", { Version: "2", Statement: [ok] }, undefined, ["Version", "Version.Invalid", /must be the string "1"/]],
    ["numeric Version", { Version: 1, Statement: [ok] }, undefined, ["Version", "Version.Invalid", /string "1"/]],
    ["no Version", { Statement: [ok] }, undefined, ["Version", "Version.Missing", /Version/]],
    ["no Statement", { Version: "1" }, undefined, ["Statement", "Statement.Missing", /needs a Statement/]],
    ["Statement a string", { Version: "1", Statement: "x" }, undefined, ["Statement", "Statement.Invalid", /object or an array/]],
    ["unknown top element", { ...doc(ok), Id: "x" }, undefined, ["Id", "Document.UnknownElement", /allowed: Version, Statement/]],
    ["lower-case element", doc({ effect: "Allow", Action: "oss:*", Resource: "*", Effect: "Allow" }), undefined, ["Statement[0].effect", "Statement.UnknownElement", /case-sensitive: did you mean "Effect"/]],
    ["statement not an object", doc(ok, 3), undefined, ["Statement[1]", "Statement.NotObject", /must be an object/]],
    ["bad Effect", doc({ ...ok, Effect: "allow" }), undefined, ["Statement[0].Effect", "Statement.Effect.Invalid", /Effect must be Allow or Deny/]],
    ["no Effect", doc({ Action: "oss:*", Resource: "*" }), undefined, ["Statement[0].Effect", "Statement.Effect.Missing", /needs an Effect/]],
    ["Action and NotAction", doc({ ...ok, NotAction: "ram:*" }), undefined, ["Statement[0]", "Statement.Action.Conflict", /exactly one of Action and NotAction/]],
    ["neither Action nor NotAction", doc({ Effect: "Allow", Resource: "*" }), undefined, ["Statement[0]", "Statement.Action.Conflict", /exactly one of Action and NotAction/]],
    ["Resource and NotResource", doc({ ...ok, NotResource: "*" }), undefined, ["Statement[0]", "Statement.Resource.Conflict", /exactly one of Resource and NotResource/]],
    ["no Resource in a permission policy", doc({ Effect: "Allow", Action: "oss:*" }), undefined, ["Statement[0]", "Statement.Resource.Conflict", /exactly one of Resource/]],
    ["action without service code", doc({ ...ok, Action: ["oss:GetObject", "GetObject"] }), undefined, ["Statement[0].Action[1]", "Statement.Action.Format", /<service-code>:<ActionName>/]],
    ["empty Action array", doc({ ...ok, Action: [] }), undefined, ["Statement[0].Action", "Statement.Action.Empty", /empty array/]],
    ["Action a number", doc({ ...ok, Action: 5 }), undefined, ["Statement[0].Action", "Statement.Action.Invalid", /string or an array/]],
    ["resource not an ARN", doc({ ...ok, Resource: "bucket/x" }), undefined, ["Statement[0].Resource", "Statement.Resource.Format", /acs:<service>:<region>:<account>:<resource>/]],
    ["Principal in a permission policy", doc({ ...ok, Principal: { Service: "x" } }), undefined, ["Statement[0].Principal", "Statement.Principal.NotAllowed", /only in trust policies/]],
    ["trust without Principal", doc({ Effect: "Allow", Action: "sts:AssumeRole" }), "trust", ["Statement[0].Principal", "Statement.Principal.Missing", /needs a Principal/]],
    ["unknown principal type", doc({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: "x" } }), "trust", ["Statement[0].Principal.AWS", "Statement.Principal.UnknownType", /RAM, Service or Federated/]],
    ["unknown operator", doc({ ...ok, Condition: { StringEqual: { "acs:Service": "x" } } }), undefined, ["Statement[0].Condition.StringEqual", "Statement.Condition.UnknownOperator", /unknown condition operator/]],
    ["bad date", doc({ ...ok, Condition: { DateLessThan: { "acs:CurrentTime": ["2026-01-01T00:00:00Z", "tomorrow"] } } }), undefined, ['Statement[0].Condition.DateLessThan["acs:CurrentTime"][1]', "Statement.Condition.Value", /ISO 8601/]],
    ["bad CIDR", doc({ ...ok, Condition: { IpAddress: { "acs:SourceIp": "10.0.0.0/33" } } }), undefined, ['Statement[0].Condition.IpAddress["acs:SourceIp"]', "Statement.Condition.Value", /CIDR/]],
    ["bad Bool", doc({ ...ok, Condition: { Bool: { "acs:MFAPresent": "yes" } } }), undefined, ['Statement[0].Condition.Bool["acs:MFAPresent"]', "Statement.Condition.Value", /true or false/]],
    ["bad number", doc({ ...ok, Condition: { NumericEquals: { "oss:MaxKeys": "ten" } } }), undefined, ['Statement[0].Condition.NumericEquals["oss:MaxKeys"]', "Statement.Condition.Value", /numbers/]],
    ["condition key without prefix", doc({ ...ok, Condition: { StringEquals: { SourceIp: "x" } } }), undefined, ["Statement[0].Condition.StringEquals.SourceIp", "Statement.Condition.Key", /acs:SourceIp/]],
    ["Sid not a string", doc({ ...ok, Sid: 1 }), undefined, ["Statement[0].Sid", "Statement.Sid.Invalid", /Sid must be a string/]],
  ])("%s", (_name, input, kind, [path, code, message]) => {
    const errors = errorsOf(input, kind);
    const hit = errors.find(([p, c]) => p === path && c === code);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(hit?.[2]).toMatch(message);
  });

  it("enforces the size limits for each kind", () => {
    const long = (n: number) => doc({ ...ok, Resource: `acs:oss:*:*:${"x".repeat(n)}` });
    expect(parsePolicy(long(MAX_TRUST_POLICY_CHARS)).ok).toBe(true);
    expect(errorsOf(long(MAX_PERMISSION_POLICY_CHARS))[0]).toEqual(["", "Document.TooLong", expect.stringMatching(/at most 6144 characters/)]);
    const trust = doc({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { RAM: `acs:ram::1:user/${"u".repeat(MAX_TRUST_POLICY_CHARS)}` } });
    expect(errorsOf(trust, "trust")[0][1]).toBe("Document.TooLong");
  });

  it("reports every error, not only the first", () => {
    expect(errorsOf(doc({ Effect: "Maybe", Action: "x", Resource: "y" })).map(([, c]) => c)).toEqual([
      "Statement.Effect.Invalid",
      "Statement.Action.Format",
      "Statement.Resource.Format",
    ]);
  });

  it("never throws on hostile input", () => {
    const hostile = Object.defineProperty({ Version: "1" }, "Statement", { enumerable: true, get: () => { throw new Error("boom"); } });
    const cyclic: Record<string, unknown> = { Version: "1" };
    cyclic.Statement = [cyclic];
    for (const input of [hostile, cyclic, null, undefined, 42, "x".repeat(2_000_000), "[".repeat(100_000), Symbol("s"), () => 1]) {
      expect(parsePolicy(input).ok).toBe(false);
    }
    expect(parsePolicy(doc(ok), { kind: "other" } as never).errors[0].code).toBe("Options.Invalid");
  });
});
