import type { z } from "zod";
import { DEFAULT_LOCALE } from "@/i18n/config";
import errors from "../../messages/en/errors.json";
import { renderFieldRule, rule, type FieldRule } from "./render";

// zod's own messages are written for developers ("Too big: expected string to have <=200
// characters"); these say the rule in words a user of the console or the API understands.
// `ruleKindOf` names the rule a field broke, so a page can say it in its own catalog's words.

type Issue = z.core.$ZodIssue;
type RuleName = Parameters<typeof rule>[0];

/** A schema may name its rule by key (`.regex(RE, "ramUserName")`), so the reader's language words it. */
const isRuleKey = (text: string): text is RuleName => Object.hasOwn(errors.rule, text);

/** The rule a value broke, as a page's catalog keys it; `text` is the schema's own wording of it, if it has one. */
export type RuleKind = (
  | { rule: "required" }
  | { rule: "too_long" | "too_short" | "too_many" | "too_few"; limit: number }
  | { rule: "too_big" | "too_small" | "above" | "below"; limit: number | string }
  | { rule: "one_of"; values: string[] }
  | { rule: "type"; expected: string }
  | { rule: "format"; format: string }
  | { rule: "multiple_of"; limit: number }
  | { rule: "unknown_fields"; keys: string[] }
  | { rule: "custom" }
) & { text?: string };

// zod says "received undefined" (or NaN, for a number read from text) in its own message only;
// the issue carries no input unless parsing was asked to report it.
const received = (issue: Issue) => /received (\w+)$/.exec(issue.message)?.[1];
/** A message zod wrote itself, as opposed to one a schema gave its rule. */
const isZodDefault = (message: string | undefined) => !message || /^(Invalid|Too (big|small)|Expected|Unrecognized)/.test(message);
const limitOf = (v: number | bigint | Date | string) => (v instanceof Date ? v.toISOString() : typeof v === "bigint" ? Number(v) : v);

/** The rule behind one issue. A union, key or element issue is read through to its first cause. */
export function ruleKindOf(issue: Issue): RuleKind {
  const kind = zodRule(issue);
  // A schema that words its rule itself ("letters, digits, dots and hyphens only") keeps its words.
  return isZodDefault(issue.message) || kind.text ? kind : { ...kind, text: issue.message };
}

function zodRule(issue: Issue): RuleKind {
  switch (issue.code) {
    case "too_big": {
      const limit = limitOf(issue.maximum);
      if (issue.origin === "string") return { rule: "too_long", limit: Number(limit) };
      if (issue.origin === "array" || issue.origin === "set") return { rule: "too_many", limit: Number(limit) };
      return { rule: issue.inclusive === false ? "below" : "too_big", limit };
    }
    case "too_small": {
      const limit = limitOf(issue.minimum);
      if (issue.origin === "string") return Number(limit) <= 1 ? { rule: "required" } : { rule: "too_short", limit: Number(limit) };
      if (issue.origin === "array" || issue.origin === "set") return { rule: "too_few", limit: Number(limit) };
      return { rule: issue.inclusive === false ? "above" : "too_small", limit };
    }
    case "invalid_value":
      return { rule: "one_of", values: issue.values.map((v) => String(v)) };
    case "invalid_type": {
      if (received(issue) === "undefined") return { rule: "required" };
      return { rule: "type", expected: received(issue) === "NaN" && issue.expected === "number" ? "number" : issue.expected };
    }
    case "not_multiple_of":
      return { rule: "multiple_of", limit: Number(issue.divisor) };
    case "unrecognized_keys":
      return { rule: "unknown_fields", keys: issue.keys };
    case "invalid_format":
      return { rule: "format", format: issue.format };
    case "invalid_union": {
      const first = issue.errors.find((branch) => branch.length > 0)?.[0];
      return first ? ruleKindOf(first) : { rule: "custom" };
    }
    case "invalid_key":
    case "invalid_element":
      return issue.issues[0] ? ruleKindOf(issue.issues[0]) : { rule: "custom" };
    default:
      return { rule: "custom" };
  }
}

/** The rule as a catalog key with its values; a schema's own wording is a rule key or kept as written. */
function fieldRuleOf(kind: RuleKind): FieldRule {
  if (kind.text) return isRuleKey(kind.text) ? rule(kind.text) : rule("text", { text: kind.text });
  switch (kind.rule) {
    case "required":
    case "custom":
      return rule(kind.rule);
    case "too_long":
    case "too_short":
    case "too_many":
    case "too_few":
    case "too_big":
    case "too_small":
    case "below":
    case "above":
    case "multiple_of":
      return rule(kind.rule, { limit: kind.limit });
    case "one_of":
      return kind.values.length === 1 ? rule("equals", { value: kind.values[0] }) : rule("one_of", { values: kind.values });
    case "type":
      return rule("type", { expected: kind.expected });
    case "format":
      return rule("format", { format: kind.format });
    case "unknown_fields":
      return rule("unknown_fields", { keys: kind.keys.join(", ") });
  }
}

/** The rule one issue broke, as a catalog key with its values. */
export const issueRule = (issue: Issue): FieldRule => fieldRuleOf(ruleKindOf(issue));

/** "must be at most 200 characters", "must be one of none, default or custom", … (English: the log, the CLI's env errors). */
function ruleText(kind: RuleKind): string {
  return renderFieldRule(DEFAULT_LOCALE, fieldRuleOf(kind));
}

export function ruleOf(issue: Issue): string {
  return ruleText(ruleKindOf(issue));
}

export function fieldOf(issue: Issue, fallback = "body"): string {
  return issue.path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "") || fallback;
}

/** `{ field: rule }` for the first problem of each field. */
export function fieldRules(error: z.ZodError, fallback = "body"): Record<string, FieldRule> {
  const out: Record<string, FieldRule> = {};
  for (const issue of error.issues) out[fieldOf(issue, fallback)] ??= fieldRuleOf(ruleKindOf(issue));
  return out;
}
