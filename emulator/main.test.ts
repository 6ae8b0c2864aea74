import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { STATE_FILE } from "./core/defaults";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

it("starts from the CLI, prints its URL, and saves state on SIGTERM", async () => {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), "emu-cli-"));
  const child = spawn(join(__dirname, "../node_modules/.bin/tsx"), [join(__dirname, "main.ts"), "--port", String(port), "--data", data, "--seed", "empty"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    let out = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        if (out.includes(`http://127.0.0.1:${port}`)) resolve();
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}`)));
    });
    const health = (await (await fetch(`http://127.0.0.1:${port}/_emulator/health`)).json()) as { status: string };
    expect(health.status).toBe("ok");
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
