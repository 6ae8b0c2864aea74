import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CLOUD_OPERATIONS } from "../../lib/cloud/operations";
import { buildConsolePolicy } from "../../lib/policy";

// `npm run console-policy` as an operator runs it.
const run = (...args: string[]) => spawnSync("npx", ["tsx", "scripts/console-policy.ts", ...args], { encoding: "utf8", timeout: 30_000 });

describe("npm run console-policy", () => {
  it("prints the generated policy of each mode as JSON, narrowed to regions when asked", () => {
    const ro = run("--mode", "read-only");
    expect(ro.status).toBe(0);
    expect(JSON.parse(ro.stdout)).toEqual(JSON.parse(JSON.stringify(buildConsolePolicy(CLOUD_OPERATIONS, { mode: "read-only" }))));
    const full = run("--mode", "full", "--regions", "cn-hangzhou", "--compact");
    expect(full.status).toBe(0);
    expect(full.stdout.trim().split("\n")).toHaveLength(1);
    expect(full.stdout).toContain('"acs:eas:cn-hangzhou:*:service/*"');
    expect(full.stdout).toContain('"ram:PassRole"');
  });

  it("exits 2 with the usage for a missing or unknown mode", () => {
    for (const args of [[], ["--mode", "admin"], ["--bogus"]]) {
      const r = run(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toContain("Usage: npm run console-policy -- --mode read-only|full");
    }
  });
});
