import { describe, expect, it } from "vitest";
import { buildPassRolePolicy } from "./builders";
import { diffPolicies, grantsMore } from "./diff";
import { diffJsonLines } from "./json-lines";
import type { PolicyDocument, Statement } from "./types";

const doc = (...Statement: Statement[]): PolicyDocument => ({ Version: "1", Statement });
const allow = (Action: string[], Resource: string[], extra: Partial<Statement> = {}): Statement => ({ Effect: "Allow", Action, Resource, ...extra });
const deny = (Action: string[], Resource: string[]): Statement => ({ Effect: "Deny", Action, Resource });
const models = allow(["oss:GetObject"], ["acs:oss:*:*:models/*"]);

describe("diffPolicies", () => {
  it("reports an added statement with a readable summary", () => {
    const d = diffPolicies(doc(), doc(models));
    expect(d).toEqual({ changes: [{ kind: "added", afterIndex: 0, direction: "broadened", summary: "adds oss:GetObject on acs:oss:*:*:models/*" }], grantsMore: true });
  });

  it("reports a removed statement as narrowed", () => {
    expect(diffPolicies(doc(models), null)).toEqual({
      changes: [{ kind: "removed", beforeIndex: 0, direction: "narrowed", summary: "removes oss:GetObject on acs:oss:*:*:models/*" }],
      grantsMore: false,
    });
  });

  it("matches by Sid and grades the change", () => {
    const d = diffPolicies(doc({ ...models, Sid: "read" }), doc({ ...allow(["oss:GetObject", "oss:ListObjects"], ["acs:oss:*:*:models/*"]), Sid: "read" }));
    expect(d.changes).toEqual([{ kind: "changed", beforeIndex: 0, afterIndex: 0, direction: "broadened", summary: "adds oss:ListObjects" }]);
    expect(d.grantsMore).toBe(true);
  });

  it("matches by similarity and recognises narrowing, mixing and neutral edits", () => {
    const narrowed = diffPolicies(doc(allow(["oss:Get*"], ["acs:oss:*:*:models/*"])), doc(models));
    expect(narrowed.changes[0]).toMatchObject({ kind: "changed", direction: "narrowed" });
    expect(narrowed.grantsMore).toBe(false);
    const mixed = diffPolicies(doc(models), doc(allow(["oss:GetObject"], ["acs:oss:*:*:data/*"])));
    expect(mixed.changes[0]).toMatchObject({ direction: "mixed", summary: "adds resource acs:oss:*:*:data/*; removes resource acs:oss:*:*:models/*" });
    const neutral = diffPolicies(doc(models), doc(allow(["OSS:GetObject"], ["acs:oss:*:*:models/*"])));
    expect(neutral.changes[0]).toMatchObject({ direction: "neutral" });
    expect(neutral.grantsMore).toBe(false);
  });

  it("reorders without changes and reports nothing", () => {
    const a = allow(["ecs:*"], ["*"]);
    expect(diffPolicies(doc(models, a), doc(a, models))).toEqual({ changes: [], grantsMore: false });
  });

  it("adding a Deny broadens the deny and grants nothing more", () => {
    const d = diffPolicies(doc(models), doc(models, deny(["oss:*"], ["*"])));
    expect(d.changes).toEqual([{ kind: "added", afterIndex: 1, direction: "broadened", summary: "adds deny of oss:* on *" }]);
    expect(d.grantsMore).toBe(false);
  });

  it("treats an unreadable side as granting more", () => {
    expect(diffPolicies(doc(), "{not json").grantsMore).toBe(true);
  });
});

describe("grantsMore", () => {
  it.each<[string, PolicyDocument | null, PolicyDocument | string | null, boolean]>([
    ["same policy", doc(models), doc(models), false],
    ["new action", doc(models), doc(models, allow(["oss:PutObject"], ["acs:oss:*:*:models/*"])), true],
    ["wider resource", doc(models), doc(allow(["oss:GetObject"], ["acs:oss:*:*:*"])), true],
    ["narrower resource", doc(allow(["oss:GetObject"], ["acs:oss:*:*:*"])), doc(models), false],
    ["removing a Deny", doc(models, deny(["oss:GetObject"], ["*"])), doc(models), true],
    ["narrowing a Deny", doc(models, deny(["oss:*"], ["*"])), doc(models, deny(["oss:Delete*"], ["*"])), true],
    ["widening a Deny", doc(models, deny(["oss:Delete*"], ["*"])), doc(models, deny(["oss:*"], ["*"])), false],
    ["dropping a condition", doc(allow(["ram:PassRole"], ["*"], { Condition: { StringEquals: { "acs:Service": ["eas.pai.aliyuncs.com"] } } })), doc(allow(["ram:PassRole"], ["*"])), true],
    ["adding a condition", doc(allow(["ram:PassRole"], ["*"])), doc(allow(["ram:PassRole"], ["*"], { Condition: { StringEquals: { "acs:Service": ["eas.pai.aliyuncs.com"] } } })), false],
    ["adding a condition value", doc(allow(["ram:PassRole"], ["*"], { Condition: { StringEquals: { "acs:Service": ["a"] } } })), doc(allow(["ram:PassRole"], ["*"], { Condition: { StringEquals: { "acs:Service": ["a", "b"] } } })), true],
    ["Action to NotAction", doc(models), doc({ Effect: "Allow", NotAction: ["ram:*"], Resource: ["acs:oss:*:*:models/*"] }), true],
    ["from nothing", null, doc(models), true],
    ["to nothing", doc(models), null, false],
    ["PassRole on a second role", buildPassRolePolicy("a"), doc(allow(["ram:PassRole"], ["acs:ram::*:role/a", "acs:ram::*:role/b"])), true],
    ["unparseable after", doc(models), "{", true],
    ["trust: new service principal", doc({ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { RAM: ["acs:ram::1:root"] } }), doc({ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { RAM: ["acs:ram::1:root"], Service: ["eas.pai.aliyuncs.com"] } }), true],
    ["trust: root to one user", doc({ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { RAM: ["acs:ram::1:root"] } }), doc({ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { RAM: ["acs:ram::1:user/u"] } }), false],
  ])("%s → %s", (_n, before, after, want) => {
    expect(grantsMore(before, after)).toBe(want);
  });
});

describe("diffJsonLines", () => {
  it("marks changed lines of the canonical pretty JSON, deletions first", () => {
    const lines = diffJsonLines(buildPassRolePolicy("a"), buildPassRolePolicy("b"));
    expect(lines.filter((l) => l.kind !== "same")).toEqual([
      { kind: "del", text: '        "acs:ram::*:role/a"' },
      { kind: "add", text: '        "acs:ram::*:role/b"' },
    ]);
    expect(lines.filter((l) => l.kind !== "add").map((l) => l.text).join("\n")).toBe(JSON.stringify(buildPassRolePolicy("a"), null, 2));
  });

  it("is all additions from nothing, and all same for equal documents", () => {
    expect(diffJsonLines(null, doc(models)).every((l) => l.kind === "add")).toBe(true);
    expect(diffJsonLines(doc(models), JSON.stringify(doc(models))).every((l) => l.kind === "same")).toBe(true);
  });
});
