import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without types
import { combineShards, summarize } from "../../scripts/test-summary.mjs";

const unit = (p: number, f: number) => ({ numPassedTests: p, numFailedTests: f });
const e2e = (expected: number, unexpected: number, flaky = 0) => ({ stats: { expected, unexpected, flaky } });

describe("the last line of npm test", () => {
  it("says a stage did not run, and does not read 0 failed, when the build failed", () => {
    const { lines, ok } = summarize(["setup passed", "lint passed", "typecheck passed", "unit passed", "build failed", "e2e not run (build failed)"], { unit: unit(500, 0) }, null);
    expect(lines).toContain("e2e: not run (build failed)");
    expect(lines).toContain("build: failed");
    expect(lines.at(-1)).toBe("500 passed, 2 failed");
    expect(ok).toBe(false);
  });

  it("counts a lint failure and a crashed unit runner that left no report", () => {
    const { lines, ok } = summarize(["lint failed", "typecheck passed", "unit failed", "build passed", "e2e passed"], {}, e2e(40, 0));
    expect(lines.at(-1)).toBe("40 passed, 2 failed");
    expect(ok).toBe(false);
  });

  it("counts failing tests once, not once more for their stage", () => {
    const { lines } = summarize(["unit failed", "build passed", "e2e failed"], { unit: unit(10, 3) }, e2e(5, 1, 2));
    expect(lines).toContain("unit: 10 passed, 3 failed");
    expect(lines).toContain("e2e: 7 passed, 1 failed (2 flaky)");
    expect(lines.at(-1)).toBe("17 passed, 4 failed");
  });

  it("reads N passed, 0 failed only when every stage passed", () => {
    const all = ["setup passed", "lint passed", "typecheck passed", "unit passed", "build passed", "e2e passed"];
    expect(summarize(all, { unit: unit(3, 0) }, e2e(2, 0))).toEqual({ lines: expect.arrayContaining(["", "5 passed, 0 failed"]), ok: true });
    expect(summarize([], {}, null).ok).toBe(false);
  });

  it("counts the background soak's tests like the unit stage's, and a soak that never reported as a failure", () => {
    const all = ["setup passed", "lint passed", "typecheck passed", "unit passed", "build passed", "soak passed", "e2e passed"];
    const passed = summarize(all, { unit: unit(3, 0), soak: unit(1, 0) }, e2e(2, 0));
    expect(passed.lines).toContain("soak: 1 passed, 0 failed");
    expect(passed.lines.at(-1)).toBe("6 passed, 0 failed");
    const failing = summarize(all.map((l) => (l === "soak passed" ? "soak failed" : l)), { unit: unit(3, 0), soak: unit(0, 1) }, e2e(2, 0));
    expect([failing.lines.at(-1), failing.ok]).toEqual(["5 passed, 1 failed", false]);
    const crashed = summarize(all.map((l) => (l === "soak passed" ? "soak failed" : l)), { unit: unit(3, 0) }, e2e(2, 0));
    expect([crashed.lines.at(-1), crashed.ok]).toEqual(["5 passed, 1 failed", false]);
  });

  it("adds the replicas stage's tests to the count, and its failures once", () => {
    const { lines, ok } = summarize(["unit passed", "build passed", "replicas failed", "e2e passed"], { unit: unit(10, 0), replicas: unit(3, 1) }, e2e(5, 0));
    expect(lines).toContain("replicas: 3 passed, 1 failed");
    expect(lines.at(-1)).toBe("18 passed, 1 failed");
    expect(ok).toBe(false);
    expect(summarize(["replicas not run (build failed)"], {}, null).lines.at(-1)).toBe("0 passed, 1 failed");
  });

  it("adds the e2e shards' counts, and a shard without a report adds nothing", () => {
    expect(combineShards([e2e(3, 1, 1), e2e(4, 0, 2)])).toEqual(e2e(7, 1, 3));
    expect(combineShards([e2e(3, 0), null])).toEqual(e2e(3, 0));
    expect(combineShards([null])).toBeNull();
    const { lines, ok } = summarize(["build passed", "e2e failed"], {}, combineShards([e2e(3, 0), null]));
    expect([lines.at(-1), ok]).toEqual(["3 passed, 1 failed", false]);
  });

  it("shows each stage's wall time, and reads a timed line as its outcome", () => {
    const { lines, ok } = summarize(["build passed in 95 s", "unit passed in 412 s", "e2e failed in 380 s"], { unit: unit(7, 0) }, e2e(4, 1));
    expect(lines).toEqual(expect.arrayContaining(["build: passed (95 s)", "unit: 7 passed, 0 failed (412 s)", "e2e: 4 passed, 1 failed (380 s)"]));
    expect(ok).toBe(false);
    expect(summarize(["build passed in 95 s", "unit passed in 412 s"], { unit: unit(7, 0) }, null)).toMatchObject({ ok: true, lines: expect.arrayContaining(["7 passed, 0 failed"]) });
  });
});
