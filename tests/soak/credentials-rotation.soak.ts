import { mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCloud, type Cloud } from "../../lib/cloud";
import { CLOUD_OPERATIONS } from "../../lib/cloud/operations";
import { createConsoleCredentials, type ConsoleCredentials } from "../../lib/credentials";
import { parseEnv } from "../../lib/env";
import { buildConsolePolicy } from "../../lib/policy";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { withoutCloudCredentials } from "../support/chain-env";
import { createConsoleRole, type ConsoleRole } from "../support/console-role";

// SOAK_SECONDS (default 300) of steady calls through both EAS-injected sources at once, the
// credentials URI and the credentials file (rewritten by a writer as EAS does), with credentials
// that live TTL_SECONDS: far shorter than STS's 900-second minimum, so that the run crosses some
// thirty rotations. Not one call may fail.

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const TTL_SECONDS = 10;

let emu: RunningEmulator;
let role: ConsoleRole;
beforeAll(async () => {
  withoutCloudCredentials();
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, credentialsTtlSeconds: TTL_SECONDS, log: () => {} });
  role = await createConsoleRole(emu.port, "RoleScopeConsole", buildConsolePolicy(CLOUD_OPERATIONS, { mode: "read-only" }));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await emu?.close();
});

function consoleCloud(file: string): { cloud: Cloud; credentials: ConsoleCredentials } {
  const env = parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emu.port}`, ROLESCOPE_CREDENTIALS: "chain", ROLESCOPE_CREDENTIALS_FILE: file });
  const credentials = createConsoleCredentials(env);
  return { cloud: createCloud(env, { credentials }), credentials };
}

interface Tally {
  calls: number;
  failures: string[];
  keys: Set<string>;
}

async function drive(cloud: Cloud, credentials: ConsoleCredentials, until: number): Promise<Tally> {
  const tally: Tally = { calls: 0, failures: [], keys: new Set() };
  const calls = [() => cloud.ram.getRole("eas-oss-reader"), () => cloud.eas.listServices("cn-hangzhou"), () => cloud.ram.getCallerIdentity(), () => cloud.eas.describeService("ap-southeast-1", "llm-qwen-chat")];
  // Two callers at once, so some calls are in flight at the moment a refresh lands.
  await Promise.all(
    [0, 1].map(async (lane) => {
      for (let i = lane; Date.now() < until; i++) {
        try {
          await calls[i % calls.length]();
        } catch (e) {
          tally.failures.push(`${new Date().toISOString()} ${(e as Error).message}`);
        }
        tally.calls++;
        tally.keys.add(credentials.manager.state().accessKeyId ?? "");
        await new Promise((r) => setTimeout(r, 100));
      }
    }),
  );
  return tally;
}

describe("credential rotation soak", () => {
  it(`makes no failed call across rotations of ${TTL_SECONDS}-second credentials for ${SOAK_SECONDS} s, through the URI and the file`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "rolescope-soak-"));
    const file = join(dir, "credentials");
    // EAS rewrites the file well before expiry; the writer replaces it whole, as a rename does.
    const rewrite = async () => {
      writeFileSync(`${file}.tmp`, await (await fetch(role.uri)).text());
      renameSync(`${file}.tmp`, file);
    };
    await rewrite();
    const writer = setInterval(() => void rewrite(), (TTL_SECONDS * 1000) / 4);

    vi.stubEnv("ALIBABA_CLOUD_CREDENTIALS_URI", role.uri);
    const viaUri = consoleCloud(join(dir, "absent"));
    vi.stubEnv("ALIBABA_CLOUD_CREDENTIALS_URI", undefined);
    const viaFile = consoleCloud(file);
    // Each chain is walked on the first call; pin each to its source before the other's variable changes.
    await viaFile.cloud.ram.getCallerIdentity();
    vi.stubEnv("ALIBABA_CLOUD_CREDENTIALS_URI", role.uri);
    await viaUri.cloud.ram.getCallerIdentity();
    expect([viaUri.credentials.manager.state().source, viaFile.credentials.manager.state().source]).toEqual(["credentials-uri", "credentials-file"]);

    const until = Date.now() + SOAK_SECONDS * 1000;
    const [uri, fromFile] = await Promise.all([drive(viaUri.cloud, viaUri.credentials, until), drive(viaFile.cloud, viaFile.credentials, until)]);
    clearInterval(writer);

    const rotations = (t: Tally) => t.keys.size - 1;
    console.log(`soak: ${SOAK_SECONDS} s, ${TTL_SECONDS} s credentials; credentials-uri ${uri.calls} calls, ${rotations(uri)} rotations, ${uri.failures.length} failed; credentials-file ${fromFile.calls} calls, ${rotations(fromFile)} rotations, ${fromFile.failures.length} failed`);
    expect(uri.failures).toEqual([]);
    expect(fromFile.failures).toEqual([]);
    const expected = Math.floor(SOAK_SECONDS / TTL_SECONDS);
    expect(rotations(uri)).toBeGreaterThanOrEqual(expected);
    expect(rotations(fromFile)).toBeGreaterThanOrEqual(expected - 1);
    expect(uri.calls).toBeGreaterThan(SOAK_SECONDS * 10);
  });
});
