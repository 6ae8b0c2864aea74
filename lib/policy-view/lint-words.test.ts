import { describe, expect, it } from "vitest";
import { lintPolicy } from "../policy";
import { LINT_RULES } from "../policy/lint-rules";
import { lintMessage, withLintMessages } from "./lint-words";

// Lint findings are codes and values; each reads whole in both languages, filled from its values.
const NOW = new Date("2026-12-07T00:00:00Z");
const CJK = /[\u4e00-\u9fff]/;

const samples: [unknown, "trust" | "permission", boolean][] = [
  ["{nope", "permission", false],
  [{ Version: "2", Statement: [] }, "permission", false],
  [{ Version: "1", Statement: [{ Effect: "Allow", Action: "oss:*", Resource: "*", Condition: { StringEqualz: { "acs:SourceIp": "1" } } }] }, "permission", false],
  [{ Version: "1", Statement: [] }, "permission", false],
  [
    {
      Version: "1",
      Statement: [
        { Effect: "Allow", Action: "*", Resource: "*" },
        { Effect: "Allow", Action: ["oss:*", "ram:PassRole", "sts:AssumeRole"], Resource: "acs:ram::*:role/*", Condition: { DateLessThan: { "acs:CurrentTime": "2020-01-01T00:00:00Z" } } },
        { Effect: "Allow", NotAction: "ecs:*", NotResource: "acs:ecs:*:*:*" },
        { Effect: "Deny", Action: "*", Resource: "*" },
      ],
    },
    "permission",
    false,
  ],
  [{ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { RAM: "acs:ram::1784200000000001:root" } }] }, "trust", true],
];

describe("lint findings in words", () => {
  const findings = samples.flatMap(([doc, kind, usedByEas]) => lintPolicy(doc, { kind, usedByEas, now: NOW }));

  it("cover every rule in the samples", () => {
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set(Object.keys(LINT_RULES)));
  });

  it("read whole in English and in Chinese, with the values in place", () => {
    for (const f of findings) {
      const en = lintMessage("en", f);
      const zh = lintMessage("zh-CN", f);
      for (const text of [en, zh]) expect(text, f.code).not.toMatch(/[{}]|policy\.lint/);
      expect(zh, f.code).toMatch(CJK);
      expect(en, f.code).not.toMatch(CJK);
      for (const v of Object.values(f.values)) {
        expect(en, f.code).toContain(String(v));
        expect(zh, f.code).toContain(String(v));
      }
    }
    const wildcard = findings.find((f) => f.code === "SERVICE_WILDCARD")!;
    expect(lintMessage("en", wildcard)).toBe("oss:* grants every oss action.");
    expect(lintMessage("zh-CN", wildcard)).toBe("oss:* 授予了 oss 的所有操作。");
  });

  it("answer the API with a message beside each code", () => {
    const [first] = withLintMessages("zh-CN", lintPolicy({ Version: "1", Statement: [] }, { kind: "permission" }));
    expect(first).toEqual({ code: "EMPTY_STATEMENT", severity: "suggestion", path: "Statement", values: {}, message: "该策略没有任何语句，因此既不允许也不拒绝任何操作。" });
  });
});
