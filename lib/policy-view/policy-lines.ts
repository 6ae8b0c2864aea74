import { lineRangeForPath, prettyJsonWithSpans, type LineSpan } from "./json-spans";

// A stored policy document laid out for reading: pretty lines, where each statement starts,
// and the lines each lint finding points at.

export interface PolicyLines {
  lines: string[];
  /** False when the stored text is not JSON: it is shown as stored, without locations. */
  json: boolean;
  /** Statement index → its first line (0-based). */
  statementStarts: Map<number, number>;
  /** Per finding, in order: the lines it points at, when known. */
  findingRanges: (LineSpan | undefined)[];
}

export function policyLines(raw: string, findings: readonly { path: string }[]): PolicyLines {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { lines: raw.split("\n"), json: false, statementStarts: new Map(), findingRanges: findings.map(() => undefined) };
  }
  const { lines, spans } = prettyJsonWithSpans(value);
  const statementStarts = new Map<number, number>();
  const statement = (value as { Statement?: unknown } | null)?.Statement;
  if (Array.isArray(statement)) statement.forEach((_, i) => statementStarts.set(i, spans.get(`Statement[${i}]`)!.start));
  else if (statement && typeof statement === "object") statementStarts.set(0, spans.get("Statement")!.start);
  // A single-object Statement: RAM's paths still say Statement[0].
  const locate = (path: string) =>
    Array.isArray(statement) ? lineRangeForPath(spans, path) : lineRangeForPath(spans, path.replace(/^Statement\[0\]/, "Statement"));
  return { lines, json: true, statementStarts, findingRanges: findings.map((f) => locate(f.path)) };
}

/** Anchor ids, shared by the JSON view, the matrix, the lint list and the simulator. */
export const statementAnchor = (prefix: string, index: number) => `${prefix}-s${index}`;
export const lineAnchor = (prefix: string, line: number) => `${prefix}-L${line + 1}`;
export const policyAnchor = (name: string) => `policy-${name}`;
export const TRUST_ANCHOR = "trust-policy";
