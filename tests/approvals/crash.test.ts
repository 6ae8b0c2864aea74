import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveRequest } from "../../lib/approvals/approve-request";
import { createRequest } from "../../lib/approvals/create-request";
import { reconcileRequests } from "../../lib/approvals/sweep";
import { revokeRequest } from "../../lib/approvals/revoke-request";
import type { Cloud } from "../../lib/cloud/types";
import type { PassRoleRequestRecord, Stores, TxStores } from "../../lib/db/types";
import { control } from "../support/cloud/clients";
import type { RunningEmulator } from "../../emulator/server";
import { cloudGrant, consoleCloud, never, setup, startEmulator, type ConsoleProcess, type Setup } from "./harness";

// A console process "crashes" at each point of a grant and of a revoke: its work stops there for
// good (the call never returns) and its database connection goes away, rolling back whatever
// transaction was open. A new process then starts on the same database and reconciles. Every
// time: the request is still there, no cloud call was made twice, and the cloud matches the store.

let emu: RunningEmulator;
let s: Setup;

beforeAll(async () => {
  emu = await startEmulator();
  s = await setup(emu);
});
afterAll(() => emu?.close());

type Crash = { cloud: (c: Cloud) => Cloud; stores: (s: Stores) => Stores; hit: Promise<void> };

/** The process dies when it reaches `where`. */
function crashAt(where: { cloud?: "before" | "after"; operation?: "createPolicy" | "attachPolicyToUser" | "detachPolicyFromUser" | "deletePolicy"; state?: string; audit?: string }): Crash {
  let hit!: () => void;
  const reached = new Promise<void>((r) => (hit = r));
  const die = <T>() => (hit(), never<T>());
  const cloud = (c: Cloud): Cloud => {
    if (!where.operation) return c;
    const op = where.operation;
    const real = (c.ram[op] as (...a: unknown[]) => Promise<unknown>).bind(c.ram);
    const wrapped = async (...args: unknown[]) => {
      if (where.cloud === "before") return die();
      await real(...args);
      return die();
    };
    return { ...c, ram: { ...c.ram, [op]: wrapped } };
  };
  const tx = (t: TxStores): TxStores => ({
    ...t,
    passRoleRequests: { ...t.passRoleRequests, update: (id, g, change, at) => (where.state && change.state === where.state ? die() : t.passRoleRequests.update(id, g, change, at)) },
    audit: { ...t.audit, append: (e) => (where.audit && e.action === where.audit ? die() : t.audit.append(e)) },
  });
  return { cloud, stores: (st) => ({ ...st, transaction: (fn) => st.transaction((t) => fn(tx(t))) }), hit: reached };
}

/** Runs `work` in a process that crashes as told; resolves once it has died there. */
async function crashDuring(crash: Crash, work: (p: ConsoleProcess) => Promise<unknown>): Promise<void> {
  const p = s.start({ cloud: crash.cloud(consoleCloud(emu)), stores: crash.stores });
  const finished = work(p).then(() => "finished", (e: unknown) => `failed: ${String(e)}`);
  expect(await Promise.race([crash.hit.then(() => "crashed"), finished])).toBe("crashed");
  p.db.close();
}

/** The next process, started after the crashed one's lease has run out. */
const restart = () => s.start({ now: () => new Date(Date.now() + 10 * 60_000) });

async function calls(): Promise<Record<string, number>> {
  return (await control(emu.url, "GET", "/_emulator/stats")).json.calls as Record<string, number>;
}

async function expectConsistent(p: ConsoleProcess, r: PassRoleRequestRecord) {
  const held = await cloudGrant(emu, r.policyName, "bob");
  expect(held.versions).toBeLessThanOrEqual(1);
  expect(held.attached).toBeLessThanOrEqual(1);
  if (r.state === "granted") expect(held).toMatchObject({ exists: true, attached: 1 });
  else expect(held).toMatchObject({ exists: false, attached: 0 });
  // The audit log tells the same story as the row: each state change once, one after another.
  const changes = (await p.stores.audit.list({}, 0, 500)).entries
    .filter((e) => e.target === `passrole-request/${r.id}` && e.detail?.from)
    .reverse()
    .map((e) => `${e.detail!.from}>${e.detail!.to}`);
  expect(changes.at(-1)?.endsWith(`>${r.state}`) ?? r.state === "pending").toBe(true);
  for (let i = 1; i < changes.length; i++) expect(changes[i].split(">")[0]).toBe(changes[i - 1].split(">")[1]);
  expect(new Set(changes).size).toBe(changes.length);
}

const ask = (p: ConsoleProcess) => createRequest(p.deps, s.bob, { roleName: "eas-restricted", reason: "crash test", duration: "7d" });

describe("a crash at each step of a grant, then a restart", () => {
  const points = {
    "after the approval committed": { state: "granting" },
    "after granting committed, before CreatePolicy": { cloud: "before", operation: "createPolicy" },
    "after CreatePolicy, before its answer": { cloud: "after", operation: "createPolicy" },
    "after AttachPolicyToUser, before its answer": { cloud: "after", operation: "attachPolicyToUser" },
    "before granted committed": { state: "granted" },
  } as const;

  for (const [name, where] of Object.entries(points)) {
    it(`${name}: the restart finishes the grant, each call made once`, async () => {
      const asked = await ask(s.start());
      await control(emu.url, "DELETE", "/_emulator/stats");
      await crashDuring(crashAt(where), (p) => approveRequest(p.deps, s.alice, asked.id, {}));

      const next = restart();
      expect((await next.stores.passRoleRequests.find(asked.id))?.state).toMatch(/^(approved|granting)$/);
      const summary = await reconcileRequests(next.deps);
      expect(summary.granted).toBe(1);
      const after = (await next.stores.passRoleRequests.find(asked.id))!;
      expect(after.state).toBe("granted");
      const c = await calls();
      expect(c.CreatePolicy).toBe(1);
      expect(c.AttachPolicyToUser).toBe(1);
      await expectConsistent(next, after);
      // A second start-up finds nothing left to do.
      expect(await reconcileRequests(restart().deps)).toEqual({ granted: 0, failed: 0, removed: 0, removalFailed: 0 });
      await revokeRequest(next.deps, s.alice, asked.id, {});
    });
  }

  it("inside the approval's transaction: neither the state nor its audit entry is kept, and the request can be approved again", async () => {
    const asked = await ask(s.start());
    await crashDuring(crashAt({ audit: "passrole.approved" }), (p) => approveRequest(p.deps, s.alice, asked.id, {}));
    const next = restart();
    expect((await next.stores.passRoleRequests.find(asked.id))?.state).toBe("pending");
    const actions = (await next.stores.audit.list({}, 0, 500)).entries.filter((e) => e.target === `passrole-request/${asked.id}`).map((e) => e.action);
    expect(actions).toEqual(["passrole.requested"]);
    expect(await reconcileRequests(next.deps)).toMatchObject({ granted: 0 });
    const granted = await approveRequest(next.deps, s.dave, asked.id, {});
    expect(granted.state).toBe("granted");
    await expectConsistent(next, granted);
    await revokeRequest(next.deps, s.alice, asked.id, {});
  });
});

describe("a crash at each step of a revoke, then a restart", () => {
  const points = {
    "after revoked committed, before DetachPolicyFromUser": { cloud: "before", operation: "detachPolicyFromUser" },
    "after DetachPolicyFromUser": { cloud: "after", operation: "detachPolicyFromUser" },
    "after DeletePolicy, before the removal is recorded": { cloud: "after", operation: "deletePolicy" },
  } as const;

  for (const [name, where] of Object.entries(points)) {
    it(`${name}: the restart removes the policy, each call made once`, async () => {
      const p = s.start();
      const asked = await ask(p);
      await approveRequest(p.deps, s.alice, asked.id, {});
      await control(emu.url, "DELETE", "/_emulator/stats");
      await crashDuring(crashAt(where), (c) => revokeRequest(c.deps, s.dave, asked.id, {}));

      const next = restart();
      expect((await next.stores.passRoleRequests.find(asked.id))).toMatchObject({ state: "revoked", removal: "pending" });
      expect(await reconcileRequests(next.deps)).toMatchObject({ removed: 1 });
      const after = (await next.stores.passRoleRequests.find(asked.id))!;
      expect(after).toMatchObject({ state: "revoked", removal: "done" });
      const c = await calls();
      expect(c.DetachPolicyFromUser).toBe(1);
      expect(c.DeletePolicy).toBe(1);
      await expectConsistent(next, after);
    });
  }
});
