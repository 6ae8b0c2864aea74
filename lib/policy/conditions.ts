import { asList } from "./lists";
import { operatorSpec, type OperatorSpec } from "./operators";
import type { ConditionBlock, RequestContext } from "./types";
import { cidrContains, parseBool, parseCidr, parseDate, parseIp, parseNumber } from "./values";
import { compileGlobs } from "./wildcard";

export interface CompiledCondition {
  key: string;
  negated: boolean;
  /** Does one context value match any of the policy's values? */
  test: (value: string) => boolean;
}

function ordered(compare: OperatorSpec["compare"], bounds: number[], read: (v: string) => number): (v: string) => boolean {
  const cmp: Record<string, (a: number, b: number) => boolean> = {
    eq: (a, b) => a === b,
    lt: (a, b) => a < b,
    lte: (a, b) => a <= b,
    gt: (a, b) => a > b,
    gte: (a, b) => a >= b,
  };
  const f = cmp[compare];
  return (v) => {
    const n = read(v);
    if (Number.isNaN(n)) return false;
    for (let i = 0; i < bounds.length; i++) if (f(n, bounds[i])) return true;
    return false;
  };
}

function compileTest(spec: OperatorSpec, values: string[]): (v: string) => boolean {
  switch (spec.family) {
    case "String": {
      if (spec.compare === "like") return compileGlobs(values, false);
      if (spec.compare === "eqIgnoreCase") {
        const set = new Set(values.map((v) => v.toLowerCase()));
        return (v) => set.has(v.toLowerCase());
      }
      const set = new Set(values);
      return (v) => set.has(v);
    }
    case "Numeric":
      return ordered(spec.compare, values.map(parseNumber), parseNumber);
    case "Date":
      return ordered(spec.compare, values.map(parseDate), parseDate);
    case "Bool": {
      const wanted = values.map(parseBool);
      return (v) => wanted.includes(parseBool(v.toLowerCase()));
    }
    case "Ip": {
      const blocks = values.map(parseCidr).filter((c) => c !== undefined);
      return (v) => {
        const ip = parseIp(v);
        return ip !== undefined && blocks.some((b) => cidrContains(b, ip));
      };
    }
  }
}

export function compileConditions(block: ConditionBlock | undefined): CompiledCondition[] {
  const out: CompiledCondition[] = [];
  if (typeof block !== "object" || block === null) return out;
  for (const [op, keys] of Object.entries(block)) {
    if (typeof keys !== "object" || keys === null) continue;
    const spec = operatorSpec(op);
    if (!spec) {
      // Unknown operators never match (parse rejects them; this guards hand-built documents).
      for (const key of Object.keys(keys)) out.push({ key, negated: false, test: () => false });
      continue;
    }
    for (const [key, values] of Object.entries(keys)) out.push({ key, negated: spec.negated, test: compileTest(spec, asList(values)) });
  }
  return out;
}

/** Context values as strings; keys are looked up exactly first, then ignoring case. */
function contextValues(ctx: RequestContext | undefined, key: string): string[] | undefined {
  if (!ctx) return undefined;
  let raw = Object.prototype.hasOwnProperty.call(ctx, key) ? ctx[key] : undefined;
  if (raw === undefined) {
    const lower = key.toLowerCase();
    for (const k of Object.keys(ctx)) if (k.toLowerCase() === lower) raw = ctx[k];
  }
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) return raw.length > 0 ? raw.map(String) : undefined;
  return [String(raw)];
}

/**
 * All conditions must hold (AND). For one key the policy's values OR; a multi-valued context
 * key matches when any of its values does. Negated operators hold when none matches.
 *
 * A key missing from the request's context: RAM's documentation does not say what a condition
 * on it evaluates to. "Conditional operators" (https://www.alibabacloud.com/help/en/ram/conditional-operator)
 * defines each operator only by what it compares ("StringNotEquals: Does not match an exact
 * string (case-sensitive)."), and "How RAM evaluates policies"
 * (https://www.alibabacloud.com/help/en/ram/policy-evaluation-process) states only "Deny by
 * default" and "Explicit deny overrides allow"; the Chinese pages (权限策略基本元素, 条件运算符)
 * say no more. AWS documents opposite answers for plain and negated operators (a negated one
 * holds on a missing key), and RAM does not say it follows AWS. So the answer here is
 * `undefined` (it depends on the missing key) and the key is recorded. A condition that is false
 * on the keys present makes the whole block false, whatever the missing keys would hold.
 */
export function conditionsHold(conditions: CompiledCondition[], ctx: RequestContext | undefined, missing: string[]): boolean | undefined {
  let all: boolean | undefined = true;
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i];
    const values = contextValues(ctx, c.key);
    if (values === undefined) {
      if (!missing.includes(c.key)) missing.push(c.key);
      if (all === true) all = undefined;
      continue;
    }
    if (all === false) continue;
    let any = false;
    for (let j = 0; j < values.length && !any; j++) any = c.test(values[j]);
    if (any === c.negated) all = false;
  }
  return all;
}
