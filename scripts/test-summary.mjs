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

/** stages: lines like `unit passed`, `build failed`, `e2e not run (build failed)`. `replicas` is a vitest report like `unit`. */
export function summarize(stages, unit, e2e, replicas = null) {
  let passed = (unit ? unit.numPassedTests : 0) + (e2e ? e2e.stats.expected + e2e.stats.flaky : 0) + (replicas ? replicas.numPassedTests : 0);
  let failed = (unit ? unit.numFailedTests : 0) + (e2e ? e2e.stats.unexpected : 0) + (replicas ? replicas.numFailedTests : 0);
  const lines = [];
  for (const line of stages) {
    const [name, ...rest] = line.split(" ");
    const outcome = rest.join(" ");
    let detail = outcome;
    if (name === "unit" && unit) detail = `${unit.numPassedTests} passed, ${unit.numFailedTests} failed`;
    if (name === "replicas" && replicas) detail = `${replicas.numPassedTests} passed, ${replicas.numFailedTests} failed`;
    if (name === "e2e" && e2e) detail = `${e2e.stats.expected + e2e.stats.flaky} passed, ${e2e.stats.unexpected} failed${e2e.stats.flaky ? ` (${e2e.stats.flaky} flaky)` : ""}`;
    lines.push(`${name}: ${detail}`);
    const own = name === "unit" ? (unit?.numFailedTests ?? 0) : name === "e2e" ? (e2e?.stats.unexpected ?? 0) : name === "replicas" ? (replicas?.numFailedTests ?? 0) : 0;
    if (outcome !== "passed" && own === 0) failed += 1;
  }
  const ok = stages.length > 0 && stages.every((l) => l.endsWith(" passed")) && failed === 0;
  return { lines: [...lines, "", `${passed} passed, ${failed} failed`], ok };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "reports";
  const stages = fs.existsSync(`${dir}/stages.txt`) ? fs.readFileSync(`${dir}/stages.txt`, "utf8").trim().split("\n").filter(Boolean) : [];
  const { lines, ok } = summarize(stages, read(`${dir}/unit.json`), read(`${dir}/e2e.json`), read(`${dir}/replicas.json`));
  console.log(`\n${lines.join("\n")}`);
  process.exitCode = ok ? 0 : 1;
}
