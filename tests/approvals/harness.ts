import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createAuditLog } from "../../lib/audit/audit-log";
import type { ApprovalDeps } from "../../lib/approvals/deps";
import type { ApprovalMessage } from "../../lib/approvals/publish";
import { toConsoleUser } from "../../lib/auth/types";
import { type ConsoleUser } from "../../lib/actor";
import { createCloud } from "../../lib/cloud/create-cloud";
import type { Cloud } from "../../lib/cloud/types";
import { openDatabase, type Db } from "../../lib/db/connection";
import { sqliteStores } from "../../lib/db/sqlite";
import type { Stores } from "../../lib/db/types";
import { parseEnv } from "../../lib/env";
import { createInventoryDeps } from "../../lib/inventory/deps";
import { invalidateFor } from "../../lib/inventory/invalidate";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { easGateway, ramGateway } from "../support/cloud/clients";
import { DEMO_KEYS, type DemoUser } from "../../emulator/seed/demo-keys";

// A real emulator (demo seed), a real SQLite file, and console processes on top of them that a
// test can start, "crash" (drop the connection mid-way) and start again on the same file.

export async function startEmulator(): Promise<RunningEmulator> {
  return createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} });
}

export function consoleCloud(emu: RunningEmulator): Cloud {
  return createCloud(parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emu.port}` }));
}

/** The account as the emulator holds it, read with its primary key (not through the console). */
const rootRam = (emu: RunningEmulator) => ramGateway(emu.port);

/** A demo RAM user's own keys, as that engineer would use them. */
export const easAs = (emu: RunningEmulator, user: DemoUser) => easGateway(emu, { accessKeyId: DEMO_KEYS[user].id, accessKeySecret: DEMO_KEYS[user].secret });

export interface ConsoleProcess {
  db: Db;
  stores: Stores;
  deps: ApprovalDeps;
  published: ApprovalMessage[];
}

export interface Setup {
  file: string;
  bob: ConsoleUser;
  carol: ConsoleUser;
  alice: ConsoleUser;
  dave: ConsoleUser;
  /** Starts a console process on the shared store file. */
  start(opts?: { worker?: string; cloud?: Cloud; stores?: (s: Stores) => Stores; now?: () => Date; readOnly?: boolean }): ConsoleProcess;
}

let n = 0;

export async function setup(emu: RunningEmulator): Promise<Setup> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rolescope-approvals-"));
  const file = path.join(dir, `console-${n++}.db`);
  const first = sqliteStores(openDatabase(file));
  const add = async (username: string, role: "engineer" | "admin", ramUserName: string | null) =>
    toConsoleUser(await first.users.create({ username, displayName: username, role, ramUserName, passwordHash: "x" }));
  const [bob, carol, alice, dave] = [await add("bob", "engineer", "bob"), await add("carol", "engineer", "carol"), await add("alice", "admin", "alice"), await add("dave", "admin", null)];
  const cloud = consoleCloud(emu);
  return {
    file,
    bob,
    carol,
    alice,
    dave,
    start(opts = {}) {
      const db = openDatabase(file);
      const stores = (opts.stores ?? ((s) => s))(sqliteStores(db));
      const c = opts.cloud ?? cloud;
      const inventory = createInventoryDeps(c, { ttlMs: 0 });
      const published: ApprovalMessage[] = [];
      const now = opts.now ?? (() => new Date());
      const deps: ApprovalDeps = {
        stores,
        inventory,
        writes: { cloud: c, audit: createAuditLog(stores.audit, now), invalidate: (ch) => invalidateFor(inventory, ...ch), readOnly: opts.readOnly ?? false, claims: stores.planClaims },
        publish: async (m) => void published.push(m),
        now,
        worker: opts.worker ?? `worker-${n++}`,
        leaseMs: 60_000,
      };
      return { db, stores, deps, published };
    },
  };
}

/** A promise that never settles: the process "dies" at this point. */
export const never = <T>() => new Promise<T>(() => {});

/** What RAM holds for the pair: the policy (and its versions) and whether it is attached to the user. */
export async function cloudGrant(emu: RunningEmulator, policyName: string, userName: string) {
  const ram = rootRam(emu);
  const policy = await ram.getPolicy(policyName, "Custom").catch(() => null);
  const versions = policy ? await ram.listPolicyVersions(policyName, "Custom") : [];
  const attached = (await ram.listPoliciesForUser(userName)).filter((p) => p.policyName === policyName).length;
  return { exists: policy !== null, document: policy?.policyDocument, versions: versions.length, attached };
}

export const serviceConfig = (name: string, accountId: string, role: string) =>
  JSON.stringify({
    name,
    metadata: { instance: 1, cpu: 1, memory: 2000 },
    options: { enable_ram_role: true },
    role_arn: `acs:ram::${accountId}:role/${role}`,
    containers: [{ image: "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/python-inference:py39", port: 8000 }],
  });
