import type { z } from "zod";

// zod's own messages are written for developers ("Too big: expected string to have <=200
// characters"); these say the rule in words a user of the console or the API understands.
// `ruleKindOf` names the rule a field broke, so a page can say it in its own catalog's words.

type Issue = z.core.$ZodIssue;

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

const list = (values: readonly unknown[]) => {
  const items = values.map((v) => String(v));
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
};

// zod says "received undefined" (or NaN, for a number read from text) in its own message only;
// the issue carries no input unless parsing was asked to report it.
const received = (issue: Issue) => /received (\w+)$/.exec(issue.message)?.[1];
/** A message zod wrote itself, as opposed to one a schema gave its rule. */
const isZodDefault = (message: string | undefined) => !message || /^(Invalid|Too (big|small)|Expected|Unrecognized)/.test(message);
const limitOf = (v: number | bigint | Date | string) => (v instanceof Date ? v.toISOString() : typeof v === "bigint" ? Number(v) : v);

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  bigint: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  date: "a date",
};

const FORMAT_WORDS: Record<string, string> = {
  email: "must be an email address",
  url: "must be a URL",
  uuid: "must be a UUID",
  guid: "must be a UUID",
  datetime: "must be an ISO 8601 date and time",
  date: "must be a date (YYYY-MM-DD)",
  ipv4: "must be an IPv4 address",
  ipv6: "must be an IPv6 address",
  cidrv4: "must be an IPv4 CIDR block",
  cidrv6: "must be an IPv6 CIDR block",
};

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

/** "must be at most 200 characters", "must be one of none, default or custom", … */
function ruleText(kind: RuleKind): string {
  if (kind.text) return kind.text;
  switch (kind.rule) {
    case "required":
      return "is required";
    case "too_long":
      return `must be at most ${kind.limit} characters`;
    case "too_short":
      return `must be at least ${kind.limit} characters`;
    case "too_many":
      return `must have at most ${kind.limit} entries`;
    case "too_few":
      return `must have at least ${kind.limit} entries`;
    case "too_big":
      return `must be at most ${kind.limit}`;
    case "too_small":
      return `must be at least ${kind.limit}`;
    case "below":
      return `must be less than ${kind.limit}`;
    case "above":
      return `must be more than ${kind.limit}`;
    case "one_of":
      return kind.values.length === 1 ? `must be ${kind.values[0]}` : `must be one of ${list(kind.values)}`;
    case "type":
      return `must be ${TYPE_WORDS[kind.expected] ?? kind.expected}`;
    case "format":
      return FORMAT_WORDS[kind.format] ?? "has the wrong format";
    case "multiple_of":
      return `must be a multiple of ${kind.limit}`;
    case "unknown_fields":
      return `has unknown fields: ${kind.keys.join(", ")}`;
    case "custom":
      return "is not valid";
  }
}

export function ruleOf(issue: Issue): string {
  return ruleText(ruleKindOf(issue));
}

export function fieldOf(issue: Issue, fallback = "body"): string {
  return issue.path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "") || fallback;
}

/** `{ field: rule }` for the first problem of each field. */
export function fieldRules(error: z.ZodError, fallback = "body"): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[fieldOf(issue, fallback)] ??= ruleOf(issue);
  return out;
}
