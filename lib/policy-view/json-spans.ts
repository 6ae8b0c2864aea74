import { indexPath, keyPath } from "../policy/json-path";

// Pretty-prints JSON exactly as JSON.stringify(value, null, 2) does, and records which lines
// each JSON path spans, so that lint findings (`Statement[1].Action[0]`) can be highlighted.

export interface LineSpan {
  /** 0-based, inclusive. */
  start: number;
  end: number;
}

export interface JsonSpans {
  lines: string[];
  spans: Map<string, LineSpan>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function prettyJsonWithSpans(value: unknown): JsonSpans {
  const lines: string[] = [];
  const spans = new Map<string, LineSpan>();

  // Writes `v` on a line that starts with `prefix` (indent and key) and records its span.
  const write = (v: Json, path: string, indent: string, prefix: string, suffix: string) => {
    const start = lines.length;
    if (Array.isArray(v) && v.length > 0) {
      lines.push(`${prefix}[`);
      v.forEach((item, i) => write(item, indexPath(path, i), `${indent}  `, `${indent}  `, i < v.length - 1 ? "," : ""));
      lines.push(`${indent}]${suffix}`);
    } else if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 0) {
      const keys = Object.keys(v).filter((k) => v[k] !== undefined);
      lines.push(`${prefix}{`);
      keys.forEach((k, i) => write(v[k], keyPath(path, k), `${indent}  `, `${indent}  ${JSON.stringify(k)}: `, i < keys.length - 1 ? "," : ""));
      lines.push(`${indent}}${suffix}`);
    } else {
      lines.push(`${prefix}${JSON.stringify(v)}${suffix}`);
    }
    spans.set(path, { start, end: lines.length - 1 });
  };

  write(JSON.parse(JSON.stringify(value ?? null)) as Json, "", "", "", "");
  return { lines, spans };
}

/**
 * The lines a JSON path spans. A path to something absent (a finding about a missing key)
 * falls back to its nearest present ancestor, so the reader still lands in the right place.
 */
export function lineRangeForPath(spans: Map<string, LineSpan>, path: string): LineSpan | undefined {
  let p = path;
  for (;;) {
    const hit = spans.get(p);
    if (hit) return hit;
    if (p === "") return undefined;
    p = parentPath(p);
  }
}

/** `Statement[1].Condition["acs:x"]` → `Statement[1].Condition` → `Statement[1]` → `Statement` → ``. */
export function parentPath(path: string): string {
  if (path.endsWith("]")) {
    // Skip a quoted key, which may itself contain brackets or dots.
    let i = path.length - 2;
    if (path[i] === '"') {
      i--;
      while (i > 0 && !(path[i] === '"' && path[i - 1] === "[")) i--;
      return path.slice(0, i - 1);
    }
    return path.slice(0, path.lastIndexOf("["));
  }
  const dot = path.lastIndexOf(".");
  return dot < 0 ? "" : path.slice(0, dot);
}
