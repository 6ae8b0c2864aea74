import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";

// `npm run preflight` as a CI pipeline runs it, against an emulator.

const ROOT = path.resolve(__dirname, "../..");
let emulator: RunningEmulator;
let dir: string;

function run(args: string[], locale: Record<string, string> = { LANG: "en_US.UTF-8" }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // The terminal's language is the test's to choose, never the machine's.
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, ...locale };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/preflight.ts", ...args], {
      cwd: ROOT,
      env: { ...env, ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}`, ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function file(name: string, config: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, typeof config === "string" ? config : JSON.stringify(config));
  return p;
}

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} });
  dir = mkdtempSync(path.join(tmpdir(), "rolescope-preflight-"));
});
afterAll(() => emulator?.close());

describe("npm run preflight", () => {
  it("prints each finding with its fix and exits 1 when one is an error", async () => {
    const f = file("bad.json", { name: "svc", options: { enable_ram_role: true }, role_arn: "acs:ram::1784200000000001:role/ecs-batch-role" });
    const r = await run([f, "--region", "cn-hangzhou", "--deployer", "carol"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Error    TRUST_MISSING_EAS  role_arn\n  The trust policy of ecs-batch-role does not name eas.pai.aliyuncs.com");
    expect(r.stdout).toContain("PASSROLE_MISSING");
    expect(r.stdout).toContain("Fix: ");
    expect(r.stdout.trim().split("\n").at(-1)).toBe("2 errors, 0 warnings, 0 notes: not ready.");
  }, 30_000);

  it("answers the API's JSON with --json and exits 0 for a ready config", async () => {
    const f = file("good.json", { name: "svc", options: { enable_ram_role: true }, role_arn: "acs:ram::1784200000000001:role/eas-oss-reader" });
    const r = await run([f, "--region", "cn-hangzhou", "--deployer", "bob", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ method: "custom", roleArn: "acs:ram::1784200000000001:role/eas-oss-reader", findings: [] });
  }, 30_000);

  it("exits 2 with the usage for a missing region, and 1 for a file that is not JSON", async () => {
    const usage = await run([file("x.json", "{}")]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--region is required");
    const notJson = await run([file("y.json", "{nope"), "--region", "cn-hangzhou", "--json"]);
    expect(notJson.code).toBe(1);
    expect(JSON.parse(notJson.stdout).findings.map((f: { code: string }) => f.code)).toEqual(["CONFIG_NOT_JSON"]);
  }, 30_000);

  it("prints in Chinese with --lang zh-CN or LANG=zh_CN.UTF-8, with the same codes and JSON keys", async () => {
    const f = file("bad-zh.json", { name: "svc", options: { enable_ram_role: true }, role_arn: "acs:ram::1784200000000001:role/ecs-batch-role", metadata: { instance: "two" } });
    for (const r of [await run([f, "--region", "cn-hangzhou", "--deployer", "carol", "--lang", "zh-CN"]), await run([f, "--region", "cn-hangzhou", "--deployer", "carol"], { LANG: "zh_CN.UTF-8" })]) {
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("错误     CONFIG_INVALID  metadata.instance\n  服务配置的 metadata.instance 必须是数字。");
      expect(r.stdout).toContain("修复：");
      expect(r.stdout).not.toMatch(/\b(The|must|Fix:|errors?,)\b/);
      expect(r.stdout.trim().split("\n").at(-1)).toMatch(/^\d+ 个错误，0 个警告，0 条提示：尚不能部署。$/);
    }
    const zh = JSON.parse((await run([f, "--region", "cn-hangzhou", "--deployer", "carol", "--json", "--lang", "zh-CN"])).stdout);
    const en = JSON.parse((await run([f, "--region", "cn-hangzhou", "--deployer", "carol", "--json"])).stdout);
    expect(zh.findings.map((x: { code: string; path: string }) => [x.code, x.path])).toEqual(en.findings.map((x: { code: string; path: string }) => [x.code, x.path]));
    expect(Object.keys(zh.findings[0])).toEqual(Object.keys(en.findings[0]));
    expect(en.findings[0].message).toBe("The service config's metadata.instance must be a number.");
    expect(zh.findings[0].message).toBe("服务配置的 metadata.instance 必须是数字。");
  }, 60_000);

  it("refuses a --lang it does not speak", async () => {
    const r = await run([file("z.json", "{}"), "--region", "cn-hangzhou", "--lang", "fr"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--lang must be en or zh-CN");
  }, 30_000);
});
