import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import type { NamedPolicy } from "./types";
import { actionMatches, compileGlobs, resourceMatches } from "./wildcard";

/** The plain definition, as a table: can pattern[i..] match value[j..]? Quadratic, never exponential. */
function reference(pattern: string, value: string): boolean {
  let next = new Array<boolean>(value.length + 1).fill(false);
  next[value.length] = true;
  for (let i = pattern.length - 1; i >= 0; i--) {
    const row = new Array<boolean>(value.length + 1).fill(false);
    for (let j = value.length; j >= 0; j--) {
      const c = pattern[i];
      if (c === "*") row[j] = next[j] || (j < value.length && row[j + 1]);
      else row[j] = j < value.length && (c === "?" || c === value[j]) && next[j + 1];
    }
    next = row;
  }
  return next[0];
}

const chars = (alphabet: string[], maxLength: number) => fc.array(fc.constantFrom(...alphabet), { maxLength, size: "max" }).map((a) => a.join(""));
// Long runs of one letter are where a backtracking matcher loses; pieces past 32 characters
// take the Shift-And automaton across more than one word.
const value = fc.oneof(chars(["a", "b"], 120), chars(["a", "a", "a", "b"], 160), chars(["a", "b", "c", "é", "\uD83D", "\uDE00"], 40), fc.string({ maxLength: 40 }));
const longPieces = fc
  .tuple(fc.boolean(), fc.array(chars(["a", "a", "a", "a", "?", "b"], 80), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([lead, pieces, trail]) => `${lead ? "*" : ""}${pieces.join("*")}${trail ? "*" : ""}`);
const pattern = fc.oneof(chars(["a", "b", "*", "?"], 90), chars(["a", "a", "a", "?", "*", "b"], 60), longPieces, fc.string({ maxLength: 20 }));
/** Patterns made from a value (characters kept, turned to `?`, or swallowed by `*`), which mostly match it. */
const patternOf = (v: string, starPercent: number) =>
  fc.array(fc.integer({ min: 0, max: 99 }), { minLength: v.length, maxLength: v.length }).map((picks) =>
    [...v].map((c, i) => (picks[i] < starPercent ? (picks[i] % 2 ? "*" : `*${c}`) : picks[i] < starPercent + 20 ? "?" : c)).join(""),
  );
const related = fc.tuple(value, fc.constantFrom(2, 25)).chain(([v, stars]) => fc.tuple(patternOf(v, stars), fc.constant(v)));

describe("glob matching agrees with the definition", () => {
  it("for random patterns and values", () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(pattern, value), related), ([p, v]) => {
        expect(compileGlobs([p], false)(v)).toBe(reference(p, v));
      }),
      { numRuns: 3_000 },
    );
  });

  it("for several patterns at once (any may match), and without case for actions", () => {
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 4 }), value, (ps, v) => {
        expect(compileGlobs(ps, false)(v)).toBe(ps.some((p) => reference(p, v)));
        expect(compileGlobs(ps, true)(v.toLowerCase())).toBe(ps.some((p) => reference(p.toLowerCase(), v.toLowerCase())));
      }),
      { numRuns: 1_000 },
    );
  });

  it("for many patterns at once, whose heads and tails end and begin at different places", () => {
    const headed = fc.tuple(chars(["a", "b", "?"], 6), pattern, chars(["a", "b", "?"], 6)).map(([h, p, t]) => `${h}*${p}*${t}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(headed, pattern), { minLength: 5, maxLength: 40 }), value, (ps, v) => {
        expect(compileGlobs(ps, false)(v)).toBe(ps.some((p) => reference(p, v)));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ["oss:Get*", "oss:GetObject", true],
    ["oss:Get?bject", "oss:GetObject", true],
    ["oss:Get?bject", "oss:Getbject", false],
    ["*", "", true],
    ["?", "", false],
    ["a*b?c*", "aXbYcZ", true],
    ["a*b?c", "abbc", true],
    ["*?", "x", true],
    ["**?*", "", false],
    [`*${"?".repeat(40)}*`, "a".repeat(40), true],
    [`*${"?".repeat(40)}*`, "a".repeat(39), false],
    [`*${"a".repeat(33)}?b*`, `${"a".repeat(40)}cb`, true],
    [`*${"a".repeat(33)}?b*`, `${"a".repeat(40)}`, false],
  ])("%s against %s: %s", (p, v, expected) => {
    expect(compileGlobs([p], false)(v)).toBe(expected);
    expect(reference(p, v)).toBe(expected);
  });

  it("keeps RAM's case rules: actions without case, resources with it", () => {
    expect(actionMatches("OSS:get?BJECT", "oss:GetObject")).toBe(true);
    expect(resourceMatches("acs:oss:*:*:Bucket/?", "acs:oss:*:*:bucket/a")).toBe(false);
    expect(resourceMatches("acs:oss:*:*:Bucket/?", "acs:oss:*:*:Bucket/a")).toBe(true);
  });
});

describe("hostile patterns", () => {
  // This pair held a backtracking RegExp at 100 % CPU for over a minute.
  const ATTACK = "acs:oss:*:*:*a*a*a*a*a?X";
  const attackValue = `acs:oss:*:*:${"a".repeat(400)}`;

  it("builds no RegExp from a pattern", () => {
    const real = globalThis.RegExp;
    const made: unknown[] = [];
    globalThis.RegExp = new Proxy(real, { construct: (target, args) => (made.push(args[0]), Reflect.construct(target, args)) });
    let match: (v: string) => boolean;
    try {
      match = compileGlobs([ATTACK, "oss:Get?bject", "a?b*c?d", "*x?y*"], true);
      expect(match("oss:getobject")).toBe(true);
    } finally {
      globalThis.RegExp = real;
    }
    expect(made).toEqual([]);
    expect(match(attackValue.toLowerCase())).toBe(false);
  });

  it("answers the attack from the issue, and answers it right", () => {
    expect(resourceMatches(ATTACK, attackValue)).toBe(false);
    expect(resourceMatches(ATTACK, `${attackValue}X`)).toBe(true);
    const policy: NamedPolicy = { name: "hostile", type: "Custom", document: { Version: "1", Statement: [{ Effect: "Allow", Action: ["oss:GetObject"], Resource: [ATTACK] }] } };
    expect(evaluate({ action: "oss:GetObject", resource: attackValue }, [policy]).decision).toBe("ImplicitDeny");
    expect(evaluate({ action: "oss:GetObject", resource: `${attackValue}X` }, [policy]).decision).toBe("Allow");
  });
});
