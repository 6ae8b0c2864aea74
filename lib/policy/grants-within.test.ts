import { describe, expect, it } from "vitest";
import { grantsWithin } from "./grants-within";
import type { PolicyDocument } from "./types";

const doc = (...Statement: PolicyDocument["Statement"]): PolicyDocument => ({ Version: "1", Statement });
const OSS_FULL = doc({ Effect: "Allow", Action: ["oss:*"], Resource: ["*"] });

describe("grantsWithin: the proposal allows nothing the current policies do not", () => {
  it("holds for a subset of actions on a prefix of what is allowed", () => {
    const p = doc({ Effect: "Allow", Action: ["oss:GetObject"], Resource: ["acs:oss:*:*:models/v1/*"] });
    expect(grantsWithin(p, [OSS_FULL])).toEqual({ holds: true });
  });

  it("names an action and resource the current policies do not allow", () => {
    const current = doc({ Effect: "Allow", Action: ["oss:GetObject"], Resource: ["acs:oss:*:*:models/*"] });
    const p = doc({ Effect: "Allow", Action: ["oss:GetObject", "oss:DeleteObject"], Resource: ["acs:oss:*:*:models/*"] });
    expect(grantsWithin(p, [current])).toEqual({ holds: false, counterexample: { action: "oss:DeleteObject", resource: "acs:oss:*:*:models/*" } });
  });

  it("refuses a prefix wider than the one allowed", () => {
    const current = doc({ Effect: "Allow", Action: ["oss:GetObject"], Resource: ["acs:oss:*:*:models/v1/a.bin"] });
    const p = doc({ Effect: "Allow", Action: ["oss:GetObject"], Resource: ["acs:oss:*:*:models/v1/*"] });
    expect(grantsWithin(p, [current]).holds).toBe(false);
  });

  it("refuses to prove where conditions decide: it says undecidable, naming the condition keys", () => {
    const current = doc({ Effect: "Allow", Action: ["oss:GetObject"], Resource: ["*"], Condition: { IpAddress: { "acs:SourceIp": ["10.0.0.0/8"] } } });
    const p = doc({ Effect: "Allow", Action: ["oss:GetObject"], Resource: ["acs:oss:*:*:models/*"], Condition: { IpAddress: { "acs:SourceIp": ["10.1.0.0/16"] } } });
    expect(grantsWithin(p, [current])).toEqual({ holds: null, undecidable: { action: "oss:GetObject", resource: "acs:oss:*:*:models/*", conditionKeys: ["acs:SourceIp"] } });
  });

  it("holds when the proposal keeps the current statement's conditions as they are", () => {
    const cond = { IpAddress: { "acs:SourceIp": ["10.0.0.0/8"] } };
    const current = doc({ Effect: "Allow", Action: ["oss:GetObject"], Resource: ["*"], Condition: cond });
    const p = doc({ Effect: "Allow", Action: ["oss:GetObject"], Resource: ["acs:oss:*:*:models/*"], Condition: cond });
    expect(grantsWithin(p, [current])).toEqual({ holds: true });
  });

  it("refuses a proposal that drops a Deny the current policies hold", () => {
    const deny = { Effect: "Deny" as const, Action: ["oss:GetObject"], Resource: ["acs:oss:*:*:secret/*"] };
    const p = doc({ Effect: "Allow", Action: ["oss:GetObject"], Resource: ["*"] });
    expect(grantsWithin(p, [doc(...OSS_FULL.Statement, deny)]).holds).toBe(false);
    expect(grantsWithin(doc(...p.Statement, deny), [doc(...OSS_FULL.Statement, deny)])).toEqual({ holds: true });
  });

  it("never proves a NotAction statement", () => {
    const p = doc({ Effect: "Allow", NotAction: ["ram:*"], Resource: ["*"] });
    expect(grantsWithin(p, [OSS_FULL]).holds).toBe(false);
  });
});
