import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { ENGINEER } from "../../tests/support/actors";
import { createCloud } from "../cloud/create-cloud";
import { parseEnv } from "../env";
import { createInventoryDeps } from "../inventory/deps";
import { loadUnusedAccess, scanRound } from "./load-unused-access";

// The overview's unused access on the demo account: the account-wide ActionTrail read is waited
// for a few seconds, then runs on in the background; once it has finished the panel lists
// legacy-admin, which no service uses and no session used in 90 days. Each test reads a window
// of its own: the reads are kept per window for the whole process.

let emu: RunningEmulator;
const control = (method: string, path: string, body?: unknown) =>
  fetch(`${emu.url}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }) });
const lookups = async () => ((await (await control("GET", "/_emulator/stats")).json()) as { calls: Record<string, number> }).calls.LookupEvents ?? 0;
const depsOf = () => createInventoryDeps(createCloud(parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emu.port}` })));
beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20, log: () => {} });
});
afterAll(() => emu?.close());

describe("unused access across the account", () => {
  it("lists the role nothing used once the account-wide read has finished", async () => {
    // The process-wide gate reads its pace from the environment; the emulator does not throttle.
    vi.stubEnv("ROLESCOPE_ACTIONTRAIL_CALLS_PER_SECOND", "50");
    const env = parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emu.port}` });
    const deps = createInventoryDeps(createCloud(env));
    await expect.poll(async () => (await loadUnusedAccess(deps, ENGINEER, 90))?.rows.map((r) => r.role), { timeout: 30_000, interval: 500 }).toContain("legacy-admin");
  });

  it("the console's timer reads a window again once its read is older than the TTL, while readers still ask for it", async () => {
    vi.stubEnv("ROLESCOPE_ACTIONTRAIL_CALLS_PER_SECOND", "50");
    const deps = depsOf();
    await expect.poll(async () => (await loadUnusedAccess(deps, ENGINEER, 30)) !== undefined, { timeout: 30_000, interval: 200 }).toBe(true);
    const minute = 60_000;
    // Nobody has asked for the window for over half an hour: it is left alone.
    expect(scanRound(deps, Date.now() + 31 * minute)).toEqual([]);
    // Read a moment ago: not yet.
    expect(scanRound(deps)).toEqual([]);
    await control("DELETE", "/_emulator/stats");
    expect(scanRound(deps, Date.now() + 5 * minute + 1_000)).toContain(30);
    await expect.poll(lookups, { timeout: 10_000, interval: 100 }).toBeGreaterThan(0);
  });
});
