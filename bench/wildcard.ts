// Glob matching under hostile input: patterns built to make a backtracking matcher explode
// (many `*`, `?` runs, long pieces that fail on their last character), alone and packed into
// 6,144-character documents, against values of 10,000 characters. Each row is the median of
// 7 cold runs (compiling included, as a request compiles a document it has not seen), in CPU
// time of this process: the machine is shared, and wall time would count other people's work.
// The summary line is the slowest row.
import { MAX_PERMISSION_POLICY_CHARS, evaluate, parsePolicy, type NamedPolicy } from "../lib/policy/index";
import { compileGlobs } from "../lib/policy/wildcard";

const VALUE = 10_000;
const a = (n: number) => "a".repeat(n);
const fill = (unit: string, room: number) => unit.repeat(Math.floor(room / unit.length));
const han = (from: number, n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(0x4e00 + ((from + i) % 20_000))).join("");

/** A policy whose Resource list (or one StringLike value) fills the document to RAM's 6,144-character limit. */
function documentOf(resources: (room: number) => string[], like?: (room: number) => string): NamedPolicy {
  const shape = (rs: string[], l: string) => ({
    Version: "1",
    Statement: [{ Effect: "Allow", Action: ["oss:GetObject", "oss:Get?bject", "*:*?*?*?*"], Resource: rs, ...(like === undefined ? {} : { Condition: { StringLike: { "acs:ResourceTag/team": [l] } } }) }],
  });
  const room = MAX_PERMISSION_POLICY_CHARS - JSON.stringify(shape([], "")).length;
  const doc = like === undefined ? shape(resources(room), "") : shape(["*"], like(room - 3));
  const text = JSON.stringify(doc);
  if (text.length > MAX_PERMISSION_POLICY_CHARS) throw new Error(`bench document has ${text.length} characters`);
  const parsed = parsePolicy(text);
  if (!parsed.ok) throw new Error(`bench document is invalid: ${JSON.stringify(parsed.errors[0])}`);
  return { name: "hostile", type: "Custom", document: parsed.policy };
}

/** Resource lists with as many variants of one pattern as fit (each costs its quotes and comma); no two alike. */
const variants = (pattern: (i: number) => string) => (room: number) => {
  const out: string[] = [];
  for (let used = 0, i = 0; used + pattern(i).length + 3 <= room; i++) {
    out.push(pattern(i));
    used += pattern(i).length + 3;
  }
  return out;
};

interface Row {
  name: string;
  run: () => boolean;
}

const prefix = "acs:oss:*:*:";
const rows: Row[] = [
  { name: "issue 19: *a*a*a*a*a?X, 400 a", run: () => compileGlobs([`${prefix}*a*a*a*a*a?X`], false)(`${prefix}${a(400)}`) },
  { name: "issue 19: *a*a*a*a*a?X, 10,000 a", run: () => compileGlobs([`${prefix}*a*a*a*a*a?X`], false)(`${prefix}${a(VALUE)}`) },
  { name: "3,000 × *a, then ?X", run: () => compileGlobs([`${prefix}${"*a".repeat(3_000)}?X`], false)(a(VALUE)) },
  { name: "2,000 × *a?, then X", run: () => compileGlobs([`${"*a?".repeat(2_000)}X`], false)(a(VALUE)) },
  { name: "* then 6,100 a, ?b", run: () => compileGlobs([`*${a(6_100)}?b`], false)(a(VALUE)) },
  { name: "* then 3,000 a, ?b, *", run: () => compileGlobs([`*${a(3_000)}?b*`], false)(a(VALUE)) },
  { name: "* then 6,100 ?, b", run: () => compileGlobs([`*${"?".repeat(6_100)}b`], false)(a(VALUE)) },
  { name: "?-run head and tail, * between", run: () => compileGlobs([`${"a?".repeat(1_500)}*${"?a".repeat(1_500)}`], false)(a(VALUE)) },
  { name: "6,000 distinct letters, ?", run: () => compileGlobs([`*${han(0, 6_000)}?x*`], false)(han(3, VALUE)) },
  { name: "* then 6,100 a, b (no ?)", run: () => compileGlobs([`*${a(6_100)}b*`], false)(a(VALUE)) },
  { name: "action: 6,000 × ?, ignoring case", run: () => compileGlobs([`oss:${"?".repeat(6_000)}*X`], true)(`oss:${a(VALUE)}`) },
];

const docs: [string, NamedPolicy][] = [
  ["document: *a*a*a*a*a?X resources", documentOf(variants((i) => `${prefix}*a*a*a*a*a?${i}`))],
  ["document: short *a?b* resources", documentOf(variants((i) => `${prefix}*a?${i}*`))],
  ["document: one 6,000-character ?-resource", documentOf((room) => [`${prefix}*${a(room - prefix.length - 5)}?b`])],
  ["document: StringLike of 6,000 characters", documentOf(() => [], (room) => `*${fill("a?", room - 2)}b`)],
];
for (const [name, policy] of docs) {
  rows.push({
    name,
    run: () => {
      // A fresh copy: evaluate() caches compiled documents by identity, and a request meets a document cold.
      const fresh: NamedPolicy = { ...policy, document: structuredClone(policy.document) };
      return evaluate({ action: "oss:GetObject", resource: `${prefix}${a(VALUE)}`, context: { "acs:ResourceTag/team": a(VALUE) } }, [fresh]).decision === "Allow";
    },
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
}

let worst = { name: "", ms: 0 };
for (const row of rows) {
  row.run();
  const times: number[] = [];
  let answer = false;
  for (let i = 0; i < 7; i++) {
    const start = process.cpuUsage();
    answer = row.run();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  const ms = median(times);
  if (ms > worst.ms) worst = { name: row.name, ms };
  console.log(`${row.name.padEnd(44)} ${ms.toFixed(2).padStart(7)} ms  (${answer ? "match" : "no match"})`);
}
console.log(`wildcard: worst ${worst.ms.toFixed(2)} ms (${worst.name}; goal under 5 ms)`);
