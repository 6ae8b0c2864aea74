import { parseRamPrincipal } from "./arn";
import { asList } from "./lists";
import { operatorSpec } from "./operators";
import type { ConditionBlock, PrincipalBlock, Statement } from "./types";
import { compileGlobs, globCovers, hasWildcard } from "./wildcard";

// "Does statement A apply wherever statement B applies?" Sound but not complete: when unsure
// the answer is false, which every caller (redundancy, shadowing, grantsMore) reads as the
// cautious outcome.

interface PatternSet {
  not: boolean;
  patterns: string[];
}

function patternSet(positive: unknown, negative: unknown): PatternSet {
  if (positive === undefined && negative === undefined) return { not: false, patterns: ["*"] };
  return positive !== undefined ? { not: false, patterns: asList(positive) } : { not: true, patterns: asList(negative) };
}

function someCovers(outer: string[], inner: string, ignoreCase: boolean): boolean {
  return outer.some((o) => globCovers(o, inner, ignoreCase));
}

function setCovers(a: PatternSet, b: PatternSet, ignoreCase: boolean): boolean {
  if (!a.not && !b.not) return b.patterns.every((q) => someCovers(a.patterns, q, ignoreCase));
  // Everything except A's exclusions covers everything except B's if B excludes at least as much.
  if (a.not && b.not) return a.patterns.every((q) => someCovers(b.patterns, q, ignoreCase));
  if (!a.not) return a.patterns.includes("*");
  // A = all but some; B = listed values: only literal values are checked for overlap.
  return b.patterns.every((q) => {
    if (hasWildcard(q)) return false;
    const value = ignoreCase ? q.toLowerCase() : q;
    return !compileGlobs(a.patterns, ignoreCase)(value);
  });
}

function principalValueCovers(type: keyof PrincipalBlock, outer: string, inner: string): boolean {
  if (globCovers(outer, inner, type === "Service")) return true;
  if (type !== "RAM") return false;
  const o = parseRamPrincipal(outer);
  const i = parseRamPrincipal(inner);
  return o?.kind === "root" && i !== undefined && i.kind !== "provider" && globCovers(o.account, i.account, false);
}

function principalsCover(a: PrincipalBlock | undefined, b: PrincipalBlock | undefined): boolean {
  if (!a) return true;
  if (!b) return false;
  return (["RAM", "Service", "Federated"] as const).every((type) =>
    asList(b[type]).every((inner) => asList(a[type]).some((outer) => principalValueCovers(type, outer, inner))),
  );
}

/** A's conditions are each implied by B's: same operator and key, and B allows no value A does not. */
function conditionsCover(a: ConditionBlock | undefined, b: ConditionBlock | undefined): boolean {
  if (!a || Object.keys(a).length === 0) return true;
  if (!b) return false;
  return Object.entries(a).every(([op, keys]) =>
    Object.entries(keys).every(([key, values]) => {
      const other = b[op]?.[key];
      if (!other) return false;
      const av = asList(values);
      const bv = asList(other);
      return operatorSpec(op)?.negated ? av.every((v) => bv.includes(v)) : bv.every((v) => av.includes(v));
    }),
  );
}

export function actionsCover(a: Statement, b: Statement): boolean {
  return setCovers(patternSet(a.Action, a.NotAction), patternSet(b.Action, b.NotAction), true);
}

function resourcesCover(a: Statement, b: Statement): boolean {
  return setCovers(patternSet(a.Resource, a.NotResource), patternSet(b.Resource, b.NotResource), false);
}

/** Does A apply to every request B applies to (effects aside)? */
export function statementCovers(a: Statement, b: Statement): boolean {
  return actionsCover(a, b) && resourcesCover(a, b) && principalsCover(a.Principal, b.Principal) && conditionsCover(a.Condition, b.Condition);
}
