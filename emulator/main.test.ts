import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { STATE_FILE } from "./core/defaults";
import { freePort } from "../tests/support/free-port";


const cli = (args: string[]) => spawn(join(__dirname, "../node_modules/.bin/tsx"), [join(__dirname, "main.ts"), ...args], { stdio: ["ignore", "pipe", "pipe"] });

it("starts from the CLI with any list of regions, prints its URL, and saves state on SIGTERM", async () => {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), "emu-cli-"));
  const child = cli(["--port", String(port), "--data", data, "--seed", "empty", "--regions", "cn-hangzhou,ap-southeast-1,cn-beijing", "--generic-role-errors"]);
  try {
    let out = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        if (out.includes(`http://127.0.0.1:${port}`)) resolve();
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}`)));
    });
    const health = (await (await fetch(`http://127.0.0.1:${port}/_emulator/health`)).json()) as { status: string; regions: string[]; regionPorts: Record<string, number>; genericRoleErrors: boolean };
    expect(health.genericRoleErrors).toBe(true);
    expect(health.status).toBe("ok");
    expect(health.regions).toEqual(["cn-hangzhou", "ap-southeast-1", "cn-beijing"]);
    expect(health.regionPorts).toEqual({ "cn-hangzhou": port + 1, "ap-southeast-1": port + 2, "cn-beijing": port + 3 });
    expect(out).toContain(`cn-beijing=${port + 3}`);
    expect(out).not.toContain("RoleScopeEmulatorSecret");
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(join(data, STATE_FILE))).toBe(true);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(data, { recursive: true, force: true });
  }
});

it("refuses a region list with a repeated or malformed entry, naming the option", async () => {
  const child = cli(["--port", "0", "--regions", "cn-hangzhou,cn-hangzhou"]);
  let err = "";
  child.stderr.on("data", (c: Buffer) => (err += c.toString()));
  const code = await new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
  expect(code).toBe(2);
  expect(err).toContain("--regions");
  expect(err).toContain("twice");
});

describe("defaults shared with the console", () => {
  it("the emulator's default port and regions are the ones the console's emulator endpoints assume", async () => {
    const ours = await import("./core/defaults");
    const console = await import("../lib/emulator-ports");
    expect([ours.DEFAULT_EMULATOR_PORT, [...ours.DEFAULT_REGIONS]]).toEqual([console.DEFAULT_EMULATOR_PORT, [...console.DEFAULT_REGIONS]]);
  });
});
