import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";

// `npm run access-check` as a CI pipeline runs it, against the demo emulator.

const ROOT = path.resolve(__dirname, "../..");
const UID = "1784200000000001";
let emulator: RunningEmulator;
let dir: string;

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/access-check.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}`, ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
}

const holding = [
  { principal: "role:data-pipeline", action: "oss:PutObject", resource: "acs:oss:*:*:models/m.bin", expect: "Allow" },
  { principal: { type: "role", name: "data-pipeline" }, action: "oss:DeleteObject", resource: "acs:oss:*:*:models/m.bin", expect: "Deny" },
  { role: "eas-restricted", mustNotBeReachableBy: ["user:bob", "user:carol"] },
];

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} });
  dir = mkdtempSync(path.join(tmpdir(), "rolescope-access-check-"));
});
afterAll(() => emulator?.close());

describe("npm run access-check", () => {
  it("exits 0 when every check holds", async () => {
    const r = await run(["--file", file("ok.json", holding)]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout.trim().split("\n").at(-1)).toBe("3 checks, all hold.");
  }, 60_000);

  it("exits 1 naming each violated check and the path that breaks it", async () => {
    const checks = [
      ...holding,
      { principal: "user:bob", action: "ram:PassRole", resource: `acs:ram::${UID}:role/eas-nas-image`, expect: "Allow" },
      { role: "eas-nas-image", mustNotBeReachableBy: ["user:carol"] },
    ];
    const r = await run(["--file", file("bad.json", checks)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`FAIL  check 3: user:bob ram:PassRole on acs:ram::${UID}:role/eas-nas-image: expected Allow, RAM decides ImplicitDeny`);
    expect(r.stdout).toContain("FAIL  check 4: 1 named principal can act as eas-nas-image\n    user:carol by pass-to-eas through eas-nas-image; cut: ram:PassRole PassRole-eas-nas-image#0");
    expect(r.stdout.trim().split("\n").at(-1)).toBe("5 checks, 2 violated.");
  }, 60_000);

  it("answers JSON with --json", async () => {
    const r = await run(["--file", file("bad2.json", [{ role: "eas-nas-image", mustNotBeReachableBy: ["user:carol"] }]), "--json"]);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as { ok: boolean; violated: number; results: { kind: string; ok: boolean; violations: { principal: unknown; kind: string }[] }[] };
    expect([body.ok, body.violated, body.results[0].violations.map((v) => [v.principal, v.kind])]).toEqual([false, 1, [[{ type: "user", name: "carol" }, "pass-to-eas"]]]);
  }, 60_000);

  it("exits 2 on bad input naming the field, and on a missing --file", async () => {
    const bad = await run(["--file", file("input.json", [{ principal: "bob", action: "oss:GetObject", resource: "*", expect: "Maybe" }, { role: "x", mustNotBeReachableBy: [] }])]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toEqual([
      "checks[0].principal must be user:<name> or role:<name>",
      "checks[0].expect must be one of Allow or Deny",
      "checks[1].mustNotBeReachableBy must have at least 1 entries",
    ]);
    expect((await run([])).code).toBe(2);
    expect((await run(["--file", file("text.json", "not json")])).code).toBe(2);
  }, 60_000);
});
