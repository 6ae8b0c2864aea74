import { describe, expect, it } from "vitest";
import { z } from "zod";
import { renderFields } from "./render";
import { fieldRules, ruleKindOf } from "./zod-rules";

const rules = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error("expected the value to be refused");
  return renderFields("en", fieldRules(r.error));
};

describe("rules in words", () => {
  it("tells a missing field from one of the wrong type", () => {
    const schema = z.object({ name: z.string(), disabled: z.boolean(), size: z.number().int(), page: z.coerce.number() });
    expect(rules(schema, { disabled: "yes", size: 1.5, page: "abc" })).toEqual({
      name: "is required",
      disabled: "must be true or false",
      size: "must be a whole number",
      page: "must be a number",
    });
    expect(rules(z.object({ a: z.string() }), "text")).toEqual({ body: "must be an object" });
    expect(rules(z.object({ tags: z.array(z.string()) }), { tags: "x" })).toEqual({ tags: "must be a list" });
  });

  it("says limits and choices as a user reads them", () => {
    const schema = z.object({ q: z.string().max(200), n: z.number().positive(), m: z.number().lt(10), mode: z.enum(["none", "default", "custom"]), one: z.literal("x") });
    expect(rules(schema, { q: "x".repeat(201), n: 0, m: 10, mode: "other", one: "y" })).toEqual({
      q: "must be at most 200 characters",
      n: "must be more than 0",
      m: "must be less than 10",
      mode: "must be one of none, default or custom",
      one: "must be x",
    });
  });

  it("never lets zod's own wording through", () => {
    const schema = z.object({
      id: z.uuid(),
      mail: z.email(),
      site: z.url(),
      code: z.string().regex(/^[a-z]+$/),
      pick: z.union([z.number(), z.boolean()]),
      map: z.record(z.string().regex(/^[a-z]+$/), z.number()),
      when: z.iso.datetime(),
      ok: z.string().refine((v) => v === "ok"),
    });
    const out = rules(schema, { id: "x", mail: "x", site: "x", code: "X", pick: "x", map: { A: 1 }, when: "x", ok: "no" });
    expect(out).toMatchObject({ id: "must be a UUID", mail: "must be an email address", site: "must be a URL", code: "has the wrong format", when: "must be an ISO 8601 date and time", ok: "is not valid" });
    for (const rule of Object.values(out)) expect(rule).not.toMatch(/^(Invalid|Too |Expected|expected)|received|<=|>=/);
  });

  it("keeps a schema's own wording, for every kind of rule", () => {
    const schema = z.object({
      name: z.string().regex(/^[a-z]+$/, "letters only"),
      region: z.string({ error: (i) => (i.input === undefined ? "is required" : "must be text") }),
      password: z.string().min(12, "must be at least 12 characters"),
    });
    expect(rules(schema, { name: "A", password: "short" })).toEqual({ name: "letters only", region: "is required", password: "must be at least 12 characters" });
  });

  it("names the rule so a page can word it in its own catalog", () => {
    const issue = (schema: z.ZodType, value: unknown) => ruleKindOf(schema.safeParse(value).error!.issues[0]);
    expect(issue(z.string().max(200), "x".repeat(300))).toEqual({ rule: "too_long", limit: 200 });
    expect(issue(z.enum(["yes", "no"]), "maybe")).toEqual({ rule: "one_of", values: ["yes", "no"] });
    expect(issue(z.coerce.number().int().min(1), "0")).toEqual({ rule: "too_small", limit: 1 });
    expect(issue(z.coerce.number().int(), "abc")).toEqual({ rule: "type", expected: "number" });
    expect(issue(z.string().regex(/^a$/, "only a"), "b")).toEqual({ rule: "format", format: "regex", text: "only a" });
  });
});
