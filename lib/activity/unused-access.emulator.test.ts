import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { ENGINEER } from "../../tests/support/actors";
import { createCloud } from "../cloud/create-cloud";
import { parseEnv } from "../env";
import { createInventoryDeps } from "../inventory/deps";
import { loadUnusedAccess } from "./load-unused-access";

// The overview's unused access on the demo account: the account-wide ActionTrail read is waited
// for a few seconds, then runs on in the background; once it has finished the panel lists
// legacy-admin, which no service uses and no session used in 90 days.

let emu: RunningEmulator;
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
});
