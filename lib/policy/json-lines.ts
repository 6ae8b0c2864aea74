import { readInput, type PolicyInput } from "./policy-input";
import { serializePolicy } from "./serialize";

export interface JsonLine {
  kind: "same" | "add" | "del";
  text: string;
}

const MAX_CELLS = 4_000_000;

function lines(input: PolicyInput): string[] {
  if (input === null || input === undefined) return [];
  const doc = readInput(input);
  if (doc) return serializePolicy(doc, { pretty: true }).split("\n");
  return typeof input === "string" ? input.split("\n") : [];
}

/** A line diff of the canonical pretty-printed JSON of two documents, for previews. */
export function diffJsonLines(before: PolicyInput, after: PolicyInput): JsonLine[] {
  const a = lines(before);
  const b = lines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: JsonLine[] = a.slice(0, start).map((text) => ({ kind: "same", text }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    out.push(...midA.map((text): JsonLine => ({ kind: "del", text })), ...midB.map((text): JsonLine => ({ kind: "add", text })));
  } else {
    // lcs[i][j] = longest common subsequence of midA[i..] and midB[j..], walked forwards.
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        out.push({ kind: "same", text: midA[i++] });
        j++;
      } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) out.push({ kind: "del", text: midA[i++] });
      else out.push({ kind: "add", text: midB[j++] });
    }
  }
  out.push(...a.slice(endA).map((text): JsonLine => ({ kind: "same", text })));
  return out;
}
