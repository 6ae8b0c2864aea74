import type { z } from "zod";

// zod's own messages are written for developers ("Too big: expected string to have <=200
// characters"); these say the rule in words a user of the console or the API understands.

type Issue = z.core.$ZodIssue;

const list = (values: readonly unknown[]) => {
  const items = values.map((v) => String(v));
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
};

/** "must be at most 200 characters", "must be one of none, default or custom", … */
export function ruleOf(issue: Issue): string {
  switch (issue.code) {
    case "too_big":
      if (issue.origin === "string") return `must be at most ${issue.maximum} characters`;
      if (issue.origin === "array" || issue.origin === "set") return `must have at most ${issue.maximum} entries`;
      return `must be at most ${issue.maximum}`;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "is required" : `must be at least ${issue.minimum} characters`;
      if (issue.origin === "array" || issue.origin === "set") return `must have at least ${issue.minimum} entries`;
      return `must be at least ${issue.minimum}`;
    case "invalid_value":
      return `must be one of ${list(issue.values)}`;
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      if (issue.expected === "int") return "must be a whole number";
      return `must be a ${issue.expected}`;
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "unrecognized_keys":
      return `has unknown fields: ${issue.keys.join(", ")}`;
    case "invalid_format":
      // A regex with its own message keeps it ("letters, digits, dots and hyphens only").
      return issue.message && !issue.message.startsWith("Invalid") ? issue.message : "has the wrong format";
    case "custom":
      return issue.message || "is not valid";
    default:
      return issue.message || "is not valid";
  }
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
