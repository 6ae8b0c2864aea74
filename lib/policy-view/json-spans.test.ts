import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lintPolicy } from "../policy";
import { lineRangeForPath, parentPath, prettyJsonWithSpans } from "./json-spans";
import { policyLines } from "./policy-lines";

const doc = {
  Version: "1",
  Statement: [
    { Effect: "Allow", Action: ["oss:GetObject", "oss:ListObjects"], Resource: ["*"] },
    { Effect: "Allow", Action: ["ecs:Describe*"], Resource: ["*"], Condition: { DateLessThan: { "acs:CurrentTime": ["2025-01-01T00:00:00Z"] } } },
  ],
};

describe("prettyJsonWithSpans", () => {
  it("prints exactly what JSON.stringify(v, null, 2) prints", () => {
    expect(prettyJsonWithSpans(doc).lines.join("\n")).toBe(JSON.stringify(doc, null, 2));
    fc.assert(fc.property(fc.jsonValue(), (v) => prettyJsonWithSpans(v).lines.join("\n") === JSON.stringify(v, null, 2)), { numRuns: 300 });
  });

  it("maps statements, arrays, elements and quoted keys to the lines they span", () => {
    const { lines, spans } = prettyJsonWithSpans(doc);
    const text = (p: string) => {
      const s = spans.get(p)!;
      return lines.slice(s.start, s.end + 1).map((l) => l.trim());
    };
    expect(text("Statement[0]")[0]).toBe("{");
    expect(text("Statement[0]").at(-1)).toBe("},");
    expect(text("Statement[0].Action[1]")).toEqual(['"oss:ListObjects"']);
    expect(text('Statement[1].Condition.DateLessThan["acs:CurrentTime"]')).toEqual(['"acs:CurrentTime": [', '"2025-01-01T00:00:00Z"', "]"]);
    expect(spans.get("")).toEqual({ start: 0, end: lines.length - 1 });
  });

  it("locates every lint finding of a real document inside the statement it names", () => {
    const findings = lintPolicy(doc, { kind: "permission", now: new Date("2026-01-01T00:00:00Z") });
    const expired = findings.find((f) => f.code === "EXPIRED_CONDITION");
    expect(expired).toBeDefined();
    const { spans } = prettyJsonWithSpans(doc);
    const range = lineRangeForPath(spans, expired!.path)!;
    const statement = spans.get("Statement[1]")!;
    expect(range.start).toBeGreaterThanOrEqual(statement.start);
    expect(range.end).toBeLessThanOrEqual(statement.end);
  });
});

describe("lineRangeForPath", () => {
  it("falls back to the nearest present ancestor for an absent path", () => {
    const { spans } = prettyJsonWithSpans(doc);
    expect(lineRangeForPath(spans, "Statement[0].Condition")).toEqual(spans.get("Statement[0]"));
    expect(lineRangeForPath(spans, 'Statement[1].Condition.DateLessThan["acs:SourceIp"]')).toEqual(spans.get("Statement[1].Condition.DateLessThan"));
    expect(lineRangeForPath(spans, "Statement[9].Action")).toEqual(spans.get("Statement"));
  });

  it("walks up through indexes and quoted keys holding dots and brackets", () => {
    expect(parentPath('A.B["x.y[0]"]')).toBe("A.B");
    expect(parentPath("Statement[3]")).toBe("Statement");
    expect(parentPath("Statement[3].Action")).toBe("Statement[3]");
    expect(parentPath("Statement")).toBe("");
  });
});

describe("policyLines", () => {
  it("finds statement starts and finding lines in a stored document", () => {
    const raw = JSON.stringify(doc);
    const p = policyLines(raw, [{ path: "Statement[1].Action[0]" }, { path: "Nowhere.Else" }]);
    expect(p.json).toBe(true);
    expect(p.lines[p.statementStarts.get(1)!].trim()).toBe("{");
    expect(p.lines[p.findingRanges[0]!.start].trim()).toBe('"ecs:Describe*"');
    expect(p.findingRanges[1]).toEqual({ start: 0, end: p.lines.length - 1 });
  });

  it("reads a single-object Statement with RAM's Statement[0] paths", () => {
    const p = policyLines('{"Version":"1","Statement":{"Effect":"Allow","Action":"oss:*","Resource":"*"}}', [{ path: "Statement[0].Action" }]);
    expect(p.statementStarts.get(0)).toBe(2);
    expect(p.lines[p.findingRanges[0]!.start].trim()).toBe('"Action": "oss:*",');
  });

  it("shows text that is not JSON as stored", () => {
    const p = policyLines("{ not json\n}", [{ path: "Statement" }]);
    expect(p).toMatchObject({ json: false, lines: ["{ not json", "}"], findingRanges: [undefined] });
  });
});
