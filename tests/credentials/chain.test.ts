import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createCloud } from "../../lib/cloud";
import { CLOUD_OPERATIONS } from "../../lib/cloud/operations";
import { loadCredentialsStatus } from "../../lib/cloud/credentials-status";
import { createConsoleCredentials, CredentialsUnavailableError } from "../../lib/credentials";
import { parseEnv } from "../../lib/env";
import { toAppError } from "../../lib/errors";
import { buildConsolePolicy } from "../../lib/policy";
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from "../../emulator/core/defaults";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { rejection } from "../support/cloud/clients";
import { ADMIN } from "../support/actors";
import { withoutCloudCredentials } from "../support/chain-env";
import { createConsoleRole, type ConsoleRole } from "../support/console-role";
import { startCredentialsProxy, type CredentialsProxy } from "../support/credentials-proxy";

// ROLESCOPE_CREDENTIALS=chain against the emulator, whose /credentials/<RoleName> answers as EAS's
// credentials URI: each source authenticates the real gateways, in the documented order, and an
// outage of the endpoint after a good fetch behaves as README says.

const TTL_SECONDS = 4;
let emu: RunningEmulator;
let role: ConsoleRole;
const readOnly = buildConsolePolicy(CLOUD_OPERATIONS, { mode: "read-only" });

beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, credentialsTtlSeconds: TTL_SECONDS, log: () => {} });
  role = await createConsoleRole(emu.port, "RoleScopeConsole", readOnly);
});
afterAll(() => emu.close());
beforeEach(() => void withoutCloudCredentials());
afterEach(() => void vi.unstubAllEnvs());

function chainCloud(extra: Record<string, string> = {}) {
  const env = parseEnv({
    ROLESCOPE_CLOUD: "emulator",
    EMULATOR_ENDPOINT: `127.0.0.1:${emu.port}`,
    ROLESCOPE_CREDENTIALS: "chain",
    ROLESCOPE_CREDENTIALS_FILE: join(tmpdir(), "rolescope-no-such-credentials-file"),
    ROLESCOPE_CREDENTIALS_TIMEOUT_MS: "1000",
    ...extra,
  });
  const credentials = createConsoleCredentials(env, { retryMs: 200, maxRetryMs: 500 });
  return { credentials, cloud: createCloud(env, { credentials }) };
}

async function readsWork(cloud: ReturnType<typeof createCloud>) {
  expect((await cloud.ram.getRole("eas-oss-reader")).roleName).toBe("eas-oss-reader");
  expect((await cloud.eas.listServices("cn-hangzhou")).items.length).toBeGreaterThan(0);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the console's credential chain against the emulator", () => {
  it("ALIBABA_CLOUD_CREDENTIALS_URI authenticates the RAM and EAS gateways as the role", async () => {
    vi.stubEnv("ALIBABA_CLOUD_CREDENTIALS_URI", role.uri);
    const { credentials, cloud } = chainCloud();
    await readsWork(cloud);
    const status = await loadCredentialsStatus({ credentials, cloud }, ADMIN);
    expect(status).toMatchObject({ source: "credentials-uri", identity: { arn: "acs:ram::1784200000000001:assumed-role/rolescopeconsole/eas-instance", accountId: "1784200000000001" }, lastError: null });
    expect(status.accessKeyId).toMatch(/^STS\.\*{4}.{4}$/);
    expect(Date.parse(status.expiresAt!) - Date.parse(status.lastRefreshAt!)).toBeLessThanOrEqual(TTL_SECONDS * 1000);
    // The role holds the read-only policy: a write reaches the cloud and is refused there.
    expect((await rejection<{ code: string }>(cloud.ram.createGroup({ groupName: "not-allowed" }))).code).toBe("NoPermission");
  });

  it("the EAS credentials file authenticates the gateways, and a rewritten file is picked up before expiry", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "rolescope-ram-")), "credentials");
    const write = async () => writeFileSync(file, await (await fetch(role.uri)).text());
    await write();
    const { credentials, cloud } = chainCloud({ ROLESCOPE_CREDENTIALS_FILE: file });
    await readsWork(cloud);
    const first = credentials.manager.state();
    expect(first).toMatchObject({ source: "credentials-file", location: file });
    // EAS rewrites the file before the credentials in it expire; so does the test.
    await write();
    await sleep(TTL_SECONDS * 1000 * 0.6);
    await readsWork(cloud);
    await sleep(50);
    expect(credentials.manager.state().accessKeyId).not.toBe(first.accessKeyId);
    await readsWork(cloud);
  });

  it("takes the first configured link: environment before the URI, the URI before the file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "rolescope-ram-")), "credentials");
    writeFileSync(file, await (await fetch(role.uri)).text());
    vi.stubEnv("ALIBABA_CLOUD_CREDENTIALS_URI", role.uri);
    const both = chainCloud({ ROLESCOPE_CREDENTIALS_FILE: file });
    await readsWork(both.cloud);
    expect(both.credentials.manager.state().source).toBe("credentials-uri");
    expect(both.credentials.chain().map((e) => [e.link, e.configured])).toEqual([
      ["environment", false],
      ["oidc", false],
      ["cli-profile", false],
      ["ini-profile", false],
      ["credentials-uri", true],
      ["credentials-file", true],
      ["ecs-ram-role", false],
    ]);

    vi.stubEnv("ALIBABA_CLOUD_ACCESS_KEY_ID", DEFAULT_ACCESS_KEY_ID);
    vi.stubEnv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", DEFAULT_ACCESS_KEY_SECRET);
    const env = chainCloud({ ROLESCOPE_CREDENTIALS_FILE: file });
    expect((await env.cloud.ram.getCallerIdentity()).arn).toBe("acs:ram::1784200000000001:root");
    expect(env.credentials.manager.state()).toMatchObject({ source: "environment", expiresAt: null });
  });

  it("rotates short-lived credentials with no failed call", async () => {
    vi.stubEnv("ALIBABA_CLOUD_CREDENTIALS_URI", role.uri);
    const { credentials, cloud } = chainCloud();
    const keys = new Set<string>();
    const end = Date.now() + TTL_SECONDS * 1000 * 2;
    let calls = 0;
    while (Date.now() < end) {
      await cloud.ram.getRole("eas-oss-reader");
      calls++;
      keys.add(credentials.manager.state().accessKeyId!);
      await sleep(25);
    }
    expect(calls).toBeGreaterThan(50);
    expect(keys.size).toBeGreaterThanOrEqual(3);
    expect(credentials.manager.state().lastError).toBeNull();
  });

  describe("an endpoint outage after a good fetch", () => {
    let proxy: CredentialsProxy;
    beforeAll(async () => {
      proxy = await startCredentialsProxy(role.uri);
    });
    afterAll(() => proxy.close());

    it("keeps the last good credentials until they expire, then fails every call at once naming the source, then recovers", async () => {
      vi.stubEnv("ALIBABA_CLOUD_CREDENTIALS_URI", proxy.uri);
      proxy.mode = "pass";
      const { credentials, cloud } = chainCloud();
      await readsWork(cloud);
      const good = credentials.manager.state();

      proxy.mode = "fail";
      const expiresAt = good.expiresAt!;
      // Until the credentials run out, every call works with the last good ones.
      while (Date.now() < expiresAt - 800) {
        await cloud.ram.getRole("eas-oss-reader");
        await sleep(50);
      }
      expect(credentials.manager.state()).toMatchObject({ accessKeyId: good.accessKeyId, lastError: { message: expect.stringContaining("httpStatus: 500") } });

      await sleep(Math.max(0, expiresAt - Date.now()) + 50);
      proxy.mode = "hang";
      for (let i = 0; i < 5; i++) {
        const started = Date.now();
        const err = await rejection(cloud.eas.listServices("cn-hangzhou"));
        expect(Date.now() - started, "a call fails fast, even while the endpoint hangs").toBeLessThan(200);
        expect(err).toBeInstanceOf(CredentialsUnavailableError);
        const app = toAppError(err)!;
        expect([app.code, app.status]).toEqual(["credentials_unavailable", 503]);
        expect(app.message).toMatch(/^The console's cloud credentials from credentials-uri expired at .+ and the source fails: credentials-uri: /);
      }

      proxy.mode = "pass";
      // Calls keep failing at once; a retry in the background (spaced 200 ms doubling to 500 ms here,
      // after the hung fetch times out at 1 s) finds the endpoint back, and calls work again.
      const back = Date.now() + 5000;
      let recovered = false;
      while (!recovered && Date.now() < back) {
        recovered = await cloud.ram.getRole("eas-oss-reader").then(() => true, () => false);
        if (!recovered) await sleep(100);
      }
      expect(recovered).toBe(true);
      await readsWork(cloud);
      expect(credentials.manager.state().lastError).toBeNull();
    });
  });
});
