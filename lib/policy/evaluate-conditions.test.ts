import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import type { PolicyDocument, RequestContext } from "./types";

type Row = [operator: string, key: string, policyValues: string | string[], context: RequestContext[string], expected: boolean];

function allowedWith(op: string, key: string, values: string | string[], ctxValue: RequestContext[string]) {
  const document = {
    Version: "1",
    Statement: [{ Effect: "Allow", Action: ["oss:GetObject"], Resource: ["*"], Condition: { [op]: { [key]: [values].flat() } } }],
  } as PolicyDocument;
  const context: RequestContext = ctxValue === undefined ? {} : { [key]: ctxValue };
  return evaluate({ action: "oss:GetObject", resource: "acs:oss:*:*:b/k", context }, [{ name: "p", document }]);
}

const T = "acs:CurrentTime";
const IP = "acs:SourceIp";
const TAG = "acs:ResourceTag/team";
const N = "oss:MaxKeys";

const rows: Row[] = [
  ["StringEquals", TAG, "ml", "ml", true],
  ["StringEquals", TAG, "ml", "ML", false],
  ["StringEquals", TAG, "ml", "ml2", false],
  ["StringEquals", TAG, ["a", "ml"], "ml", true],
  ["StringEquals", TAG, ["a", "b"], "ml", false],
  ["StringEquals", TAG, "ml", ["x", "ml"], true],
  ["StringEquals", TAG, "m*", "ml", false],
  ["StringNotEquals", TAG, "ml", "ops", true],
  ["StringNotEquals", TAG, "ml", "ml", false],
  ["StringNotEquals", TAG, ["a", "b"], "c", true],
  ["StringNotEquals", TAG, ["a", "b"], "b", false],
  ["StringNotEquals", TAG, "ml", "ML", true],
  ["StringEqualsIgnoreCase", TAG, "ML", "ml", true],
  ["StringEqualsIgnoreCase", TAG, "Ml", "mL", true],
  ["StringEqualsIgnoreCase", TAG, "ml", "mlx", false],
  ["StringNotEqualsIgnoreCase", TAG, "ML", "ml", false],
  ["StringNotEqualsIgnoreCase", TAG, "ML", "ops", true],
  ["StringLike", TAG, "ml-*", "ml-vision", true],
  ["StringLike", TAG, "ml-*", "ml-", true],
  ["StringLike", TAG, "ml-*", "ops-ml", false],
  ["StringLike", TAG, "ml-?", "ml-a", true],
  ["StringLike", TAG, "ml-?", "ml-ab", false],
  ["StringLike", TAG, "ml-?", "ml-", false],
  ["StringLike", TAG, "*vision", "ml-vision", true],
  ["StringLike", TAG, "ML-*", "ml-vision", false],
  ["StringLike", TAG, ["a*", "b*"], "beta", true],
  ["StringLike", TAG, "a.b", "axb", false],
  ["StringNotLike", TAG, "ml-*", "ops", true],
  ["StringNotLike", TAG, "ml-*", "ml-x", false],
  ["StringNotLike", TAG, ["a*", "b*"], "beta", false],
  ["NumericEquals", N, "100", "100", true],
  ["NumericEquals", N, "100", "100.0", true],
  ["NumericEquals", N, "100", "101", false],
  ["NumericEquals", N, "100", 100, true],
  ["NumericEquals", N, "100", "abc", false],
  ["NumericNotEquals", N, "100", "5", true],
  ["NumericNotEquals", N, "100", "100", false],
  ["NumericLessThan", N, "100", "99", true],
  ["NumericLessThan", N, "100", "100", false],
  ["NumericLessThan", N, "100", "-5", true],
  ["NumericLessThanEquals", N, "100", "100", true],
  ["NumericLessThanEquals", N, "100", "100.5", false],
  ["NumericGreaterThan", N, "10", "11", true],
  ["NumericGreaterThan", N, "10", "10", false],
  ["NumericGreaterThanEquals", N, "10", "10", true],
  ["NumericGreaterThanEquals", N, "10", "9.99", false],
  ["NumericLessThan", N, ["5", "50"], "20", true],
  ["DateEquals", T, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", true],
  ["DateEquals", T, "2026-01-01T00:00:00Z", "2026-01-01T08:00:00+08:00", true],
  ["DateEquals", T, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", false],
  ["DateNotEquals", T, "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", true],
  ["DateNotEquals", T, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", false],
  ["DateLessThan", T, "2026-06-01T00:00:00Z", "2026-05-31T23:59:59Z", true],
  ["DateLessThan", T, "2026-06-01T00:00:00Z", "2026-06-01T00:00:00Z", false],
  ["DateLessThan", T, "2026-06-01T00:00:00Z", "2027-01-01T00:00:00Z", false],
  ["DateLessThanEquals", T, "2026-06-01T00:00:00Z", "2026-06-01T00:00:00Z", true],
  ["DateLessThanEquals", T, "2026-06-01T00:00:00Z", "2026-06-01T00:00:00.001Z", false],
  ["DateGreaterThan", T, "2026-06-01T00:00:00Z", "2026-06-01T00:00:01Z", true],
  ["DateGreaterThan", T, "2026-06-01T00:00:00Z", "2026-06-01T00:00:00Z", false],
  ["DateGreaterThanEquals", T, "2026-06-01T00:00:00Z", "2026-06-01T00:00:00Z", true],
  ["DateGreaterThanEquals", T, "2026-06-01T00:00:00Z", "2026-05-01T00:00:00Z", false],
  ["DateLessThan", T, "1780272000", "2026-05-31T00:00:00Z", true],
  ["DateLessThan", T, "1780272000", "2026-06-02T00:00:00Z", false],
  ["DateLessThan", T, "2026-06-01T00:00:00Z", "1780271999", true],
  ["DateLessThan", T, "2026-06-01", "2026-05-31T12:00:00Z", true],
  ["DateLessThan", T, "2026-06-01T00:00:00Z", "not a date", false],
  ["DateGreaterThan", T, ["2030-01-01T00:00:00Z", "2020-01-01T00:00:00Z"], "2026-01-01T00:00:00Z", true],
  ["Bool", "acs:SecureTransport", "true", true, true],
  ["Bool", "acs:SecureTransport", "true", "true", true],
  ["Bool", "acs:SecureTransport", "true", false, false],
  ["Bool", "acs:SecureTransport", "false", false, true],
  ["Bool", "acs:MFAPresent", "true", "TRUE", true],
  ["Bool", "acs:MFAPresent", "true", "yes", false],
  ["IpAddress", IP, "10.0.0.0/8", "10.1.2.3", true],
  ["IpAddress", IP, "10.0.0.0/8", "11.1.2.3", false],
  ["IpAddress", IP, "192.168.1.0/24", "192.168.1.255", true],
  ["IpAddress", IP, "192.168.1.0/24", "192.168.2.0", false],
  ["IpAddress", IP, "203.0.113.7", "203.0.113.7", true],
  ["IpAddress", IP, "203.0.113.7/32", "203.0.113.8", false],
  ["IpAddress", IP, "0.0.0.0/0", "8.8.8.8", true],
  ["IpAddress", IP, ["10.0.0.0/8", "172.16.0.0/12"], "172.20.0.1", true],
  ["IpAddress", IP, "10.0.0.0/8", "not-an-ip", false],
  ["IpAddress", IP, "10.0.0.0/8", "10.0.0.256", false],
  ["IpAddress", IP, "2001:db8::/32", "2001:db8:1::1", true],
  ["IpAddress", IP, "2001:db8::/32", "2001:db9::1", false],
  ["IpAddress", IP, "::1", "::1", true],
  ["IpAddress", IP, "10.0.0.0/8", "::ffff:10.0.0.9", true],
  ["IpAddress", IP, "2001:db8::/32", "10.0.0.1", false],
  ["NotIpAddress", IP, "10.0.0.0/8", "8.8.8.8", true],
  ["NotIpAddress", IP, "10.0.0.0/8", "10.9.9.9", false],
  ["NotIpAddress", IP, ["10.0.0.0/8", "192.168.0.0/16"], "192.168.3.3", false],
];

describe("condition operators", () => {
  it.each(rows)("%s %s %j with context %j → %s", (op, key, values, ctx, expected) => {
    const r = allowedWith(op, key, values, ctx);
    expect(r.decision).toBe(expected ? "Allow" : "ImplicitDeny");
    expect(r.missingContextKeys).toEqual([]);
  });

  it.each([
    ["StringEquals", TAG, "ml"],
    ["StringNotEquals", TAG, "ml"],
    ["NumericLessThan", N, "5"],
    ["DateLessThan", T, "2030-01-01T00:00:00Z"],
    ["Bool", "acs:MFAPresent", "true"],
    ["IpAddress", IP, "10.0.0.0/8"],
    ["NotIpAddress", IP, "10.0.0.0/8"],
  ])("%s on a key missing from the context: the Allow does not decide, and the answer depends on the key", (op, key, value) => {
    const r = allowedWith(op, key, value, undefined);
    expect(r).toEqual({ decision: "ImplicitDeny", matched: [], missingContextKeys: [key], dependsOnMissingKeys: true });
  });

  // RAM's documents are silent on a missing key (see conditionsHold): a Deny that may apply
  // leaves an Allow uncertain; a Deny whose other condition is false on the keys present cannot.
  const doc = (deny: Record<string, Record<string, string[]>>): PolicyDocument => ({
    Version: "1",
    Statement: [
      { Effect: "Allow", Action: ["oss:GetObject"], Resource: ["*"] },
      { Effect: "Deny", Action: ["oss:GetObject"], Resource: ["*"], Condition: deny },
    ],
  });
  const run = (d: PolicyDocument, context?: Record<string, string>) => evaluate({ action: "oss:GetObject", resource: "x", context }, [{ name: "p", document: d }]);

  it("a negated Deny on a missing key makes an Allow depend on that key", () => {
    const r = run(doc({ NotIpAddress: { [IP]: ["10.0.0.0/8"] } }));
    expect(r).toMatchObject({ decision: "Allow", missingContextKeys: [IP], dependsOnMissingKeys: true });
  });

  it("a Deny already false on the keys present decides nothing, whatever the missing key holds", () => {
    const r = run(doc({ NotIpAddress: { [IP]: ["10.0.0.0/8"] }, StringEquals: { [TAG]: ["prod"] } }), { [TAG]: "dev" });
    expect(r.decision).toBe("Allow");
    expect(r.missingContextKeys).toEqual([IP]);
    expect(r.dependsOnMissingKeys).toBeUndefined();
  });

  it("an explicit Deny that applies is certain, whatever the missing keys hold", () => {
    const d = doc({ StringEquals: { [TAG]: ["prod"] } });
    d.Statement.push({ Effect: "Allow", Action: ["oss:GetObject"], Resource: ["*"], Condition: { IpAddress: { [IP]: ["10.0.0.0/8"] } } });
    const r = run(d, { [TAG]: "prod" });
    expect(r.decision).toBe("ExplicitDeny");
    expect(r.dependsOnMissingKeys).toBeUndefined();
  });

  it("finds context keys regardless of their case", () => {
    const document: PolicyDocument = {
      Version: "1",
      Statement: [{ Effect: "Allow", Action: ["oss:GetObject"], Resource: ["*"], Condition: { IpAddress: { "acs:SourceIp": ["10.0.0.0/8"] } } }],
    };
    const r = evaluate({ action: "oss:GetObject", resource: "x", context: { "acs:sourceip": "10.0.0.1" } }, [{ name: "p", document }]);
    expect(r.decision).toBe("Allow");
  });
});
