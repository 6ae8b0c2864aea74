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

/**
 * stages: lines like `unit passed`, `build failed`, `e2e not run (build failed)`. `unit` and `soak`
 * are vitest JSON reports, `e2e` Playwright's; a missing report is null.
 */
export function summarize(stages, unit, e2e, soak = null) {
  const vitest = { unit, soak };
  const vitestOwn = (name) => (name in vitest && vitest[name] ? vitest[name] : null);
  let passed = (unit ? unit.numPassedTests : 0) + (soak ? soak.numPassedTests : 0) + (e2e ? e2e.stats.expected + e2e.stats.flaky : 0);
  let failed = (unit ? unit.numFailedTests : 0) + (soak ? soak.numFailedTests : 0) + (e2e ? e2e.stats.unexpected : 0);
  const lines = [];
  for (const line of stages) {
    const [name, ...rest] = line.split(" ");
    const outcome = rest.join(" ");
    let detail = outcome;
    const report = vitestOwn(name);
    if (report) detail = `${report.numPassedTests} passed, ${report.numFailedTests} failed`;
    if (name === "e2e" && e2e) detail = `${e2e.stats.expected + e2e.stats.flaky} passed, ${e2e.stats.unexpected} failed${e2e.stats.flaky ? ` (${e2e.stats.flaky} flaky)` : ""}`;
    lines.push(`${name}: ${detail}`);
    const own = report ? report.numFailedTests : name === "e2e" ? (e2e?.stats.unexpected ?? 0) : 0;
    if (outcome !== "passed" && own === 0) failed += 1;
  }
  const ok = stages.length > 0 && stages.every((l) => l.endsWith(" passed")) && failed === 0;
  return { lines: [...lines, "", `${passed} passed, ${failed} failed`], ok };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "reports";
  const stages = fs.existsSync(`${dir}/stages.txt`) ? fs.readFileSync(`${dir}/stages.txt`, "utf8").trim().split("\n").filter(Boolean) : [];
  const { lines, ok } = summarize(stages, read(`${dir}/unit.json`), read(`${dir}/e2e.json`), read(`${dir}/soak.json`));
  console.log(`\n${lines.join("\n")}`);
  process.exitCode = ok ? 0 : 1;
}
