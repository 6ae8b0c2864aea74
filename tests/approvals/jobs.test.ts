import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuditLog } from "../../lib/audit/audit-log";
import { approveRequest } from "../../lib/approvals/approve-request";
import { createRequest } from "../../lib/approvals/create-request";
import type { ApprovalDeps } from "../../lib/approvals/deps";
import { SWEEP_LOCK, sweepRound } from "../../lib/approvals/sweep";
import { toConsoleUser } from "../../lib/auth/types";
import { postgresStores } from "../../lib/db/postgres";
import { createPool } from "../../lib/db/postgres/pool";
import type { Stores } from "../../lib/db/types";
import { createInventoryDeps } from "../../lib/inventory/deps";
import { control } from "../support/cloud/clients";
import type { RunningEmulator } from "../../emulator/server";
import { testPostgres, type TempPostgres } from "../db/postgres-server";
import { cloudGrant, consoleCloud, startEmulator } from "./harness";

// The background round on two replicas sharing one PostgreSQL: while one runs it, the other
// skips it, and the grant past its expiry is expired and removed once.

let emu: RunningEmulator;
let server: TempPostgres & { owned: boolean };
const pools: pg.Pool[] = [];

beforeAll(async () => {
  emu = await startEmulator();
  server = testPostgres();
}, 60_000);
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end().catch(() => {})));
  if (server?.owned) server.stop();
  await emu?.close();
});

function replica(url: string, worker: string, now: () => Date = () => new Date()): ApprovalDeps {
  const pool = createPool({ url, max: 5 });
  pools.push(pool);
  const stores: Stores = postgresStores(pool);
  const cloud = consoleCloud(emu);
  return {
    stores,
    inventory: createInventoryDeps(cloud, { ttlMs: 0 }),
    writes: { cloud, audit: createAuditLog(stores.audit, now), invalidate: () => {}, readOnly: false, claims: stores.planClaims },
    publish: async () => {},
    now,
    worker,
    leaseMs: 60_000,
  };
}

describe("the background round across replicas", () => {
  it("runs on one replica at a time: the other skips it, and the expiry happens once", async () => {
    const url = await server.createDatabase();
    const a = replica(url, "a");
    const add = async (username: string, role: "engineer" | "admin") => toConsoleUser(await a.stores.users.create({ username, displayName: username, role, ramUserName: username, passwordHash: "x" }));
    const [bob, alice] = [await add("bob", "engineer"), await add("alice", "admin")];
    const asked = await createRequest(a, bob, { roleName: "eas-restricted", reason: "jobs", duration: "1d" });
    const granted = await approveRequest(a, alice, asked.id, {});

    const later = () => new Date(Date.now() + 2 * 86_400_000);
    const [ra, rb] = [replica(url, "ra", later), replica(url, "rb", later)];
    await control(emu.url, "DELETE", "/_emulator/stats");
    await control(emu.url, "PUT", "/_emulator/faults", { operation: "DetachPolicyFromUser", latencyMs: 800 });
    const round = sweepRound(ra);
    await expect.poll(async () => ((await control(emu.url, "GET", "/_emulator/stats")).json.calls as Record<string, number>).DetachPolicyFromUser ?? 0).toBe(1);
    expect(await rb.stores.runExclusive(SWEEP_LOCK, async () => "b")).toEqual({ ran: false });
    await sweepRound(rb);
    await round;
    await control(emu.url, "DELETE", "/_emulator/faults");

    expect(await a.stores.passRoleRequests.find(asked.id)).toMatchObject({ state: "expired", removal: "done" });
    const calls = (await control(emu.url, "GET", "/_emulator/stats")).json.calls as Record<string, number>;
    expect([calls.DetachPolicyFromUser, calls.DeletePolicy]).toEqual([1, 1]);
    expect(await cloudGrant(emu, granted.policyName, "bob")).toMatchObject({ exists: false, attached: 0 });
    const expired = (await a.stores.audit.list({ action: "passrole.expired" }, 0, 10)).entries;
    expect(expired).toHaveLength(1);
    expect(await rb.stores.runExclusive(SWEEP_LOCK, async () => "b")).toEqual({ ran: true, value: "b" });
  });
});
