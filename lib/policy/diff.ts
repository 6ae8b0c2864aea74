import { statementCovers } from "./cover";
import { asList } from "./lists";
import { readInput, type PolicyInput } from "./policy-input";
import { canonicalStatement } from "./parse-statement";
import type { PolicyDiff, Statement, StatementChange } from "./types";
import { summarizeAdded, summarizeChanged } from "./diff-summary";

function features(s: Statement): Set<string> {
  const f = new Set<string>();
  for (const a of asList(s.Action)) f.add(`a:${a.toLowerCase()}`);
  for (const a of asList(s.NotAction)) f.add(`na:${a.toLowerCase()}`);
  for (const r of asList(s.Resource)) f.add(`r:${r}`);
  for (const r of asList(s.NotResource)) f.add(`nr:${r}`);
  for (const [type, values] of Object.entries(s.Principal ?? {})) for (const v of asList(values)) f.add(`p:${type}:${v}`);
  for (const [op, keys] of Object.entries(s.Condition ?? {})) for (const key of Object.keys(keys ?? {})) f.add(`c:${op}:${key}`);
  return f;
}

function similarity(a: Statement, b: Statement): number {
  const fa = features(a);
  const fb = features(b);
  let shared = 0;
  for (const x of fa) if (fb.has(x)) shared++;
  const union = fa.size + fb.size - shared;
  return union === 0 ? 1 : shared / union;
}

const same = (a: Statement, b: Statement) => JSON.stringify(canonicalStatement(a)) === JSON.stringify(canonicalStatement(b));

/** Pairs before/after statements: by Sid, then identical content, then the most similar with the same effect. */
function pair(before: Statement[], after: Statement[]): { pairs: [number, number][]; removed: number[]; added: number[] } {
  const pairs: [number, number][] = [];
  const freeB = new Set(before.keys());
  const freeA = new Set(after.keys());
  const take = (i: number, j: number) => {
    pairs.push([i, j]);
    freeB.delete(i);
    freeA.delete(j);
  };
  for (const i of freeB) {
    const sid = before[i].Sid;
    const j = sid ? [...freeA].find((k) => after[k].Sid === sid && after[k].Effect === before[i].Effect) : undefined;
    if (j !== undefined) take(i, j);
  }
  for (const i of freeB) {
    const j = [...freeA].find((k) => same(before[i], after[k]));
    if (j !== undefined) take(i, j);
  }
  const candidates: [number, number, number][] = [];
  for (const i of freeB) for (const j of freeA) if (before[i].Effect === after[j].Effect) candidates.push([similarity(before[i], after[j]), i, j]);
  candidates.sort((x, y) => y[0] - x[0]);
  for (const [score, i, j] of candidates) if (score >= 0.25 && freeB.has(i) && freeA.has(j)) take(i, j);
  return { pairs, removed: [...freeB], added: [...freeA] };
}

/** Statement-level semantic diff for previews. An unreadable side counts as "grants more". */
export function diffPolicies(before: PolicyInput, after: PolicyInput): PolicyDiff {
  const b = readInput(before);
  const a = readInput(after);
  if (!b || !a) return { changes: [], grantsMore: true };
  const { pairs, removed, added } = pair(b.Statement, a.Statement);
  const changes: StatementChange[] = [];
  for (const [i, j] of pairs) {
    const s0 = b.Statement[i];
    const s1 = a.Statement[j];
    if (same(s0, s1)) continue;
    const wider = statementCovers(s1, s0);
    const narrower = statementCovers(s0, s1);
    const direction = wider && narrower ? "neutral" : wider ? "broadened" : narrower ? "narrowed" : "mixed";
    changes.push({ kind: "changed", beforeIndex: i, afterIndex: j, direction, summary: summarizeChanged(s0, s1) });
  }
  for (const i of removed) changes.push({ kind: "removed", beforeIndex: i, direction: "narrowed", summary: summarizeAdded(b.Statement[i], "removes") });
  for (const j of added) changes.push({ kind: "added", afterIndex: j, direction: "broadened", summary: summarizeAdded(a.Statement[j], "adds") });
  changes.sort((x, y) => (x.afterIndex ?? x.beforeIndex ?? 0) - (y.afterIndex ?? y.beforeIndex ?? 0));
  return { changes, grantsMore: grantsMoreDocs(b.Statement, a.Statement) };
}

function grantsMoreDocs(before: Statement[], after: Statement[]): boolean {
  const allowsBefore = before.filter((s) => s.Effect === "Allow");
  const deniesAfter = after.filter((s) => s.Effect === "Deny");
  // Each new Allow must be covered by one old Allow, and each old Deny by one new Deny.
  const newAllow = after.some((s) => s.Effect !== "Deny" && !allowsBefore.some((old) => statementCovers(old, s)));
  const lostDeny = before.some((s) => s.Effect === "Deny" && !deniesAfter.some((d) => statementCovers(d, s)));
  return newAllow || lostDeny;
}

/**
 * Does `after` allow some (action, resource, principal) that `before` did not? The approval
 * gate: it answers true whenever it cannot prove otherwise.
 */
export function grantsMore(before: PolicyInput, after: PolicyInput): boolean {
  try {
    const b = readInput(before);
    const a = readInput(after);
    if (!b || !a) return true;
    return grantsMoreDocs(b.Statement, a.Statement);
  } catch {
    return true;
  }
}
