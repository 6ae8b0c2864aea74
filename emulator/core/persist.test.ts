import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../server";
import OpenApi, { $OpenApiUtil } from "@alicloud/openapi-core";
import * as $dara from "@darabonba/typescript";
import { control, credentialFor, ramGateway, rejection, ROOT_KEY, stsClient } from "../../tests/support/cloud/clients";
import { STATE_FILE } from "./defaults";
import { writePrivateFile } from "./persist";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "emu-state-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const trust = '{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["eas.pai.aliyuncs.com"]}}]}';

describe("persistence", () => {
  it("keeps RAM state and issued STS credentials across close and re-create", async () => {
    const dataDir = tempDir();
    const first = await createEmulator({ port: 0, dataDir, seed: "empty" });
    await ramGateway(first.port).createRole({ roleName: "survivor", assumeRolePolicyDocument: trust, description: "kept" });
    // The session EAS would hand an instance of a service that runs with the role.
    const issued = (await (await fetch(`${first.url}/credentials/survivor`)).json()) as { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string };
    await first.close();

    const second = await createEmulator({ port: 0, dataDir, seed: "demo" });
    try {
      expect((await ramGateway(second.port).getRole("survivor")).description).toBe("kept");
      // A saved state wins over --seed: no demo roles appeared.
      expect((await ramGateway(second.port).listAllRoles()).map((r) => r.roleName)).toEqual(["AliyunServiceRoleForPaiEas", "survivor"]);
      const id = await stsClient(second.port, { accessKeyId: issued.AccessKeyId, accessKeySecret: issued.AccessKeySecret, securityToken: issued.SecurityToken }).getCallerIdentity();
      expect(id.arn).toContain("assumed-role/survivor/eas-instance");
    } finally {
      await second.close();
    }
  });

  it("writes the state file debounced, and --reset seeds again", async () => {
    const dataDir = tempDir();
    const emu = await createEmulator({ port: 0, dataDir, seed: "empty" });
    await ramGateway(emu.port).createUser({ userName: "erin" });
    await new Promise((r) => setTimeout(r, 250));
    const saved = JSON.parse(readFileSync(join(dataDir, STATE_FILE), "utf8"));
    expect(Object.keys(saved.ram.users)).toEqual(["erin"]);
    await emu.close();
    const reset = await createEmulator({ port: 0, dataDir, seed: "empty", reset: true });
    try {
      expect(await ramGateway(reset.port).listAllUsers()).toEqual([]);
    } finally {
      await reset.close();
    }
  });

  it("starts from the seed, with a warning, when the state file has an older shape", async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, STATE_FILE), JSON.stringify({ version: 0, roles: [{ name: "old" }] }));
    const warnings: string[] = [];
    const emu = await createEmulator({ port: 0, dataDir, seed: "demo", log: (l) => warnings.push(l) });
    try {
      expect(warnings.join("\n")).toMatch(/older or unknown shape/);
      expect((await ramGateway(emu.port).getRole("eas-oss-reader")).roleName).toBe("eas-oss-reader");
    } finally {
      await emu.close();
    }
  });
});

describe("the state file holds AccessKey secrets", () => {
  const mode = (path: string) => statSync(path).mode & 0o777;

  it("is created 0600, and an older 0644 file is replaced by a 0600 one", async () => {
    const dataDir = tempDir();
    const emu = await createEmulator({ port: 0, dataDir, seed: "demo" });
    await emu.close();
    const file = join(dataDir, STATE_FILE);
    expect(readFileSync(file, "utf8")).toContain("RoleScopeEmulatorSecret");
    expect(mode(file)).toBe(0o600);
    chmodSync(file, 0o644);
    const again = await createEmulator({ port: 0, dataDir, seed: "demo" });
    await again.close();
    expect(mode(file)).toBe(0o600);
    expect(readdirSync(dataDir)).toEqual([STATE_FILE]);
  });

  it("writes through a 0600 temp file, even over a temp file left behind with a wider mode", () => {
    const dir = tempDir();
    const path = join(dir, "secret.json");
    const stale = `${path}.${process.pid}.tmp`;
    writeFileSync(stale, "left over", { mode: 0o644 });
    chmodSync(stale, 0o644);
    writePrivateFile(path, '{"secret":1}');
    // The file is the renamed temp file, so its mode is the temp file's.
    expect(mode(path)).toBe(0o600);
    expect(existsSync(stale)).toBe(false);
    expect(readFileSync(path, "utf8")).toBe('{"secret":1}');
  });
});

describe("unreadable EAS state", () => {
  it("starts from the seed, with a warning, instead of refusing to start", async () => {
    const dataDir = tempDir();
    const first = await createEmulator({ port: 0, dataDir, seed: "empty" });
    await first.close();
    const file = join(dataDir, STATE_FILE);
    const saved = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...saved, eas: { services: "not a list" } }));
    const warnings: string[] = [];
    const emu = await createEmulator({ port: 0, dataDir, seed: "demo", log: (l) => warnings.push(l) });
    try {
      expect(warnings.join("\n")).toMatch(/saved EAS state cannot be read/);
      // The empty seed had no such role: the demo seed replaced the file's state.
      expect((await ramGateway(emu.port).getRole("eas-oss-reader")).roleName).toBe("eas-oss-reader");
    } finally {
      await emu.close();
    }
  });
});

describe("control API", () => {
  it("resets, bulk-seeds, counts calls and reports health", async () => {
    const emu = await createEmulator({ port: 0, seed: "demo" });
    try {
      const ram = ramGateway(emu.port);
      expect((await control(emu.url, "GET", "/_emulator/health")).json).toMatchObject({ status: "ok", accountId: "1784200000000001" });
      await control(emu.url, "POST", "/_emulator/reset", { seed: "empty" });
      expect((await ram.listAllRoles()).map((r) => r.roleName)).toEqual(["AliyunServiceRoleForPaiEas"]);
      const bulk = await control(emu.url, "POST", "/_emulator/seed/bulk", { roles: 300, services: 0 });
      expect(bulk.json).toMatchObject({ roles: 300 });
      await control(emu.url, "DELETE", "/_emulator/stats");
      expect(await ram.listAllRoles()).toHaveLength(301);
      await ram.getRole("bulk-role-0001");
      const stats = (await control(emu.url, "GET", "/_emulator/stats")).json as { total: number; calls: Record<string, number> };
      expect(stats.calls).toEqual({ ListRoles: 1, GetRole: 1 });
      expect(stats.total).toBe(2);
      const bad = await control(emu.url, "PUT", "/_emulator/faults", { operation: "GetRole", errorRate: 2 });
      expect(bad.status).toBe(400);
      expect((await control(emu.url, "POST", "/_emulator/nope")).status).toBe(404);
      await control(emu.url, "POST", "/_emulator/reset", { seed: "demo" });
      expect((await ram.getUser("bob")).userName).toBe("bob");
    } finally {
      await emu.close();
    }
  });

  it("serves every region's port and answers an unknown action with InvalidAction.NotFound", async () => {
    const emu = await createEmulator({ port: 0, seed: "empty", regions: ["cn-hangzhou", "ap-southeast-1", "cn-beijing"] });
    try {
      expect(Object.values(emu.regionPorts)).toEqual([emu.port + 1, emu.port + 2, emu.port + 3]);
      expect((await control(emu.url, "GET", "/_emulator/health")).json.regionPorts).toEqual(emu.regionPorts);
      const gw = ramGateway(emu.regionPorts["cn-beijing"]);
      expect((await gw.listRoles()).items.length).toBe(1);
      const unsigned = await fetch(`${emu.url}/?Action=ListRoles&Version=2015-05-01`, { method: "POST" });
      expect(unsigned.status).toBe(400);
      expect(((await unsigned.json()) as { Code: string }).Code).toBe("MissingAccessKeyId");
      const client = new OpenApi(new $OpenApiUtil.Config({ credential: credentialFor(ROOT_KEY), endpoint: `127.0.0.1:${emu.port}`, protocol: "HTTP" }));
      const params = new $OpenApiUtil.Params({ action: "NoSuchAction", version: "2015-05-01", protocol: "HTTP", pathname: "/", method: "POST", authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json" });
      const e = await rejection<{ code: string; statusCode: number }>(client.callApi(params, new $OpenApiUtil.OpenApiRequest({}), new $dara.RuntimeOptions({})));
      expect([e.code, e.statusCode]).toEqual(["InvalidAction.NotFound", 404]);
      expect((await control(emu.url, "GET", "/_emulator/nothing")).json).toMatchObject({ Code: "NotFound" });
    } finally {
      await emu.close();
    }
  });
});
