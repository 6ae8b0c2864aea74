import { createTranslator } from "use-intl/core";
import type { Locale } from "@/i18n/config";
import { loadMessages } from "@/i18n/messages";
import type errors from "../../messages/en/errors.json";
import type wizard from "../../messages/en/wizard.json";

// Server messages are catalog keys with named values; each is worded when it is answered, in the
// reader's language. Error.message keeps the English wording for logs and the console's own tests.

type Errors = typeof errors;
type Leaves<T, P extends string = ""> = { [K in Extract<keyof T, string>]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[Extract<keyof T, string>];

/** A message of the `errors` catalog: `approvals.notFound`. */
export type ErrorKey = Exclude<Leaves<Errors>, `rule.${string}` | "fieldRule" | "invalid">;
/** The rule a refused field broke: the console's own (`errors.rule.json`) or the setup wizard's. */
type RuleKey = `errors.rule.${Extract<keyof Errors["rule"], string>}` | `wizard.rules.${Extract<keyof (typeof wizard)["rules"], string>}`;
export type MessageValues = Record<string, string | number | readonly string[]>;

export interface FieldRule {
  rule: RuleKey;
  values?: MessageValues;
}

/** A field rule by its key in `errors.rule`: `rule("json")`, `rule("too_long", { limit: 64 })`. */
export function rule(key: Extract<keyof Errors["rule"], string>, values?: MessageValues): FieldRule {
  return values ? { rule: `errors.rule.${key}`, values } : { rule: `errors.rule.${key}` };
}

const translators = new Map<Locale, (key: string, values?: Record<string, string | number>) => string>();
function translator(locale: Locale) {
  let t = translators.get(locale);
  if (!t) {
    const translate = createTranslator({ locale, messages: loadMessages(locale) });
    t = (key, values) => (translate as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
    translators.set(locale, t);
  }
  return t;
}

/** Lists in the reader's words: "a, b or c", "a、b 或 c". */
function words(locale: Locale, values: MessageValues | undefined): Record<string, string | number> | undefined {
  if (!values) return undefined;
  // en-GB: "a, b or c", the console's English, without the serial comma.
  const list = new Intl.ListFormat(locale === "en" ? "en-GB" : locale, { type: "disjunction" });
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "object" ? list.format(v) : v]));
}

export function renderKey(locale: Locale, key: string, values?: MessageValues): string {
  return translator(locale)(key, words(locale, values));
}

export function renderFieldRule(locale: Locale, r: FieldRule): string {
  return renderKey(locale, r.rule, r.values);
}

/** `{ field: rule }` in the reader's words. */
export function renderFields(locale: Locale, fields: Record<string, FieldRule>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([f, r]) => [f, renderFieldRule(locale, r)]));
}

/** The message of an invalid_input without one of its own: each field with its rule. */
export function renderInvalid(locale: Locale, fields: Record<string, FieldRule>): string {
  const separator = locale === "zh-CN" ? "；" : "; ";
  const list = Object.entries(fields)
    .map(([field, r]) => renderKey(locale, "errors.fieldRule", { field, rule: renderFieldRule(locale, r) }))
    .join(separator);
  return renderKey(locale, "errors.invalid", { list });
}
