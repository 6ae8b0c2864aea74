import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveRequest } from "../../lib/approvals/approve-request";
import { createRequest } from "../../lib/approvals/create-request";
import { revokeRequest } from "../../lib/approvals/revoke-request";
import type { Stores } from "../../lib/db/types";
import { AppError } from "../../lib/errors/app-error";
import { control } from "../support/cloud/clients";
import type { RunningEmulator } from "../../emulator/server";
import { cloudGrant, setup, startEmulator, type Setup } from "./harness";

const TSX = path.resolve(__dirname, "../../node_modules/tsx/dist/cli.mjs");
const WORKER = path.resolve(__dirname, "approve-worker.ts");

let emu: RunningEmulator;
let s: Setup;

beforeAll(async () => {
  emu = await startEmulator();
  s = await setup(emu);
});
afterAll(() => emu?.close());

/** Holds every read of the request until `n` readers have read it, so all of them see it pending. */
function barrier(n: number) {
  let waiting = 0;
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  return (stores: Stores): Stores => ({
    ...stores,
    passRoleRequests: {
      ...stores.passRoleRequests,
      async find(id) {
        const row = await stores.passRoleRequests.find(id);
        if (++waiting >= n) open();
        await gate;
        return row;
      },
    },
  });
}

const outcome = (results: PromiseSettledResult<{ state: string }>[]) => ({
  ok: results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])),
  refused: results.flatMap((r) => (r.status === "rejected" ? [r.reason as AppError] : [])),
});

async function expectOneGrant(requestId: string, policyName: string, stores: Stores) {
  const stats = (await control(emu.url, "GET", "/_emulator/stats")).json.calls as Record<string, number>;
  expect(stats.CreatePolicy).toBe(1);
  expect(stats.AttachPolicyToUser).toBe(1);
  expect(await cloudGrant(emu, policyName, "bob")).toMatchObject({ exists: true, versions: 1, attached: 1 });
  const actions = (await stores.audit.list({}, 0, 500)).entries.filter((e) => e.target === `passrole-request/${requestId}`).map((e) => e.action);
  expect(actions.filter((x) => x === "passrole.approved")).toHaveLength(1);
  expect(actions.filter((x) => x === "passrole.grant_policy")).toHaveLength(1);
  expect(actions.filter((x) => x === "passrole.granted")).toHaveLength(1);
}

describe("50 admins approving one request at once", () => {
  it("in one console: exactly one approval succeeds and 49 get conflict (409), though all 50 read it as pending", async () => {
    const p = s.start({ stores: barrier(50) });
    const asked = await createRequest(p.deps, s.bob, { roleName: "eas-restricted", reason: "race", duration: "7d" });
    await control(emu.url, "DELETE", "/_emulator/stats");

    const { ok, refused } = outcome(await Promise.allSettled(Array.from({ length: 50 }, (_, i) => approveRequest(p.deps, i % 3 ? s.alice : s.dave, asked.id, {}))));
    expect(ok.map((r) => r.state)).toEqual(["granted"]);
    expect(refused).toHaveLength(49);
    for (const e of refused) expect(e).toMatchObject({ code: "conflict", status: 409 });
    // Each loser had passed the early check: the conditional update in the database refused it.
    expect(refused.every((e) => e.message.includes("can no longer be approved"))).toBe(true);
    await expectOneGrant(asked.id, asked.policyName, p.stores);
    await revokeRequest(p.deps, s.alice, asked.id, {});
  });

  it("across two console processes on one database: still exactly one grant", async () => {
    const p = s.start();
    const asked = await createRequest(p.deps, s.bob, { roleName: "eas-restricted", reason: "race across replicas", duration: "1d" });
    await control(emu.url, "DELETE", "/_emulator/stats");
    const replica = () => {
      const child = spawn(process.execPath, [TSX, "--conditions=react-server", WORKER, s.file, String(emu.port), asked.id, JSON.stringify([s.alice, s.dave]), "25"], { stdio: ["pipe", "pipe", "inherit"] });
      let out = "";
      const ready = new Promise<void>((resolve) => child.stdout.on("data", (c) => (out += c) && out.includes("ready\n") && resolve()));
      const answers = new Promise<{ ok: boolean; state?: string; code?: string }[]>((resolve, reject) =>
        child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(`replica exited ${code}`)))),
      );
      return { ready, answers, go: () => child.stdin.write("go\n") };
    };
    const replicas = [replica(), replica()];
    // Both processes are up before either approves: the race is real on any machine.
    await Promise.all(replicas.map((r) => r.ready));
    replicas.forEach((r) => r.go());
    const all = (await Promise.all(replicas.map((r) => r.answers))).flat();
    expect(all).toHaveLength(50);
    expect(all.filter((r) => r.ok).map((r) => r.state)).toEqual(["granted"]);
    expect(all.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(49).fill("conflict"));
    await expectOneGrant(asked.id, asked.policyName, p.stores);
    await revokeRequest(p.deps, s.alice, asked.id, {});
  }, 90_000);
});
