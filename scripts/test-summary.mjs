// The last lines of `npm test`: one line per stage, then `N passed, N failed`. A stage that
// failed without failing tests of its own (lint, build, a crashed runner) or never ran counts as
// one failure, so the last line can never read `0 failed` after a broken stage.
import fs from "node:fs";

const read = (f) => {
  try {
    return JSON.parse(fs.readFileSync(f, "utf8"));
  } catch {
    return null;
  }
};

/** The stages whose tests vitest runs, each with a JSON report of its own. */
export const VITEST_STAGES = ["unit", "soak", "replicas"];

/**
 * The e2e stage runs in shards, each writing its own Playwright report: their counts add up. A
 * shard that left no report (or an unreadable one) adds nothing, and its stage fails.
 */
export function combineShards(reports) {
  const present = reports.filter((r) => r?.stats);
  if (present.length === 0) return null;
  const stats = { expected: 0, unexpected: 0, flaky: 0 };
  for (const r of present) for (const k of Object.keys(stats)) stats[k] += r.stats[k] ?? 0;
  return { stats };
}

/**
 * stages: lines like `unit passed in 412 s`, `build failed in 80 s`, `e2e not run (build failed)`. `vitest` maps a
 * vitest stage (unit, soak, replicas) to its JSON report, `e2e` is Playwright's; a missing report
 * is null.
 */
export function summarize(stages, vitest, e2e) {
  const reports = Object.fromEntries(VITEST_STAGES.map((name) => [name, vitest?.[name] ?? null]));
  const present = Object.values(reports).filter(Boolean);
  let passed = present.reduce((n, r) => n + r.numPassedTests, 0) + (e2e ? e2e.stats.expected + e2e.stats.flaky : 0);
  let failed = present.reduce((n, r) => n + r.numFailedTests, 0) + (e2e ? e2e.stats.unexpected : 0);
  const lines = [];
  const outcomes = stages.map((line) => {
    const [, name, outcome, seconds] = /^(\S+) (.*?)(?: in (\d+) s)?$/.exec(line) ?? [line, line, ""];
    return { name, outcome, took: seconds === undefined ? "" : ` (${seconds} s)` };
  });
  for (const { name, outcome, took } of outcomes) {
    let detail = outcome;
    const report = reports[name] ?? null;
    if (report) detail = `${report.numPassedTests} passed, ${report.numFailedTests} failed`;
    if (name === "e2e" && e2e) detail = `${e2e.stats.expected + e2e.stats.flaky} passed, ${e2e.stats.unexpected} failed${e2e.stats.flaky ? ` (${e2e.stats.flaky} flaky)` : ""}`;
    lines.push(`${name}: ${detail}${took}`);
    const own = report ? report.numFailedTests : name === "e2e" ? (e2e?.stats.unexpected ?? 0) : 0;
    if (outcome !== "passed" && own === 0) failed += 1;
  }
  const ok = outcomes.length > 0 && outcomes.every((o) => o.outcome === "passed") && failed === 0;
  return { lines: [...lines, "", `${passed} passed, ${failed} failed`], ok };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "reports";
  const stages = fs.existsSync(`${dir}/stages.txt`) ? fs.readFileSync(`${dir}/stages.txt`, "utf8").trim().split("\n").filter(Boolean) : [];
  const vitest = Object.fromEntries(VITEST_STAGES.map((name) => [name, read(`${dir}/${name}.json`)]));
  const shards = fs.readdirSync(dir).filter((f) => /^e2e(-\d+)?\.json$/.test(f)).map((f) => read(`${dir}/${f}`));
  const { lines, ok } = summarize(stages, vitest, combineShards(shards));
  console.log(`\n${lines.join("\n")}`);
  process.exitCode = ok ? 0 : 1;
}
