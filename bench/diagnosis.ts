// Diagnosis benchmark: the fleet view (every failing service with its cause) over 1,000
// services, 100 of them failing for causes across the table, behind 30 ms per call, cold
// caches. Prints the time, the calls made, and the ratio to the critical-path bound: for each
// sequential stage of the loader, ceil(calls / limit) × latency. Facts are read once per
// distinct role, deploying user and policy; a call per row would blow the bound.
import { fork } from "node:child_process";
import { createEmulator } from "../emulator/server";
import { DEMO_KEYS } from "../emulator/seed/demo-keys";
import { easGateway, ramGateway, type KeyPair } from "../emulator/testing/clients";
import { easTrust } from "../emulator/testing/eas-scenario";
import { SYSTEM_ACTOR } from "../lib/auth/actor";
import { createCloud } from "../lib/cloud/create-cloud";
import { DEFAULT_CLOUD_CONCURRENCY } from "../lib/cloud/pool";
import { parseEnv } from "../lib/env";
import { createInventoryDeps } from "../lib/inventory/deps";
import { loadFailing } from "../lib/inventory/load-failing";

const LATENCY_MS = 30;
const LIMIT = DEFAULT_CLOUD_CONCURRENCY;
const SERVICES = 1000;
const FAILING = 100;
/** The demo seed's own 14 services, 6 of them failing. */
const DEMO = { services: 14, failing: 6 };
type Calls = Record<string, number>;

async function control(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${url}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const waves = (calls: number) => Math.ceil(calls / LIMIT);
const n = (c: Calls, op: string) => c[op] ?? 0;

/**
 * The stages of the fleet view: page 1 of each region with the role, user and group lists; the
 * other pages; per distinct role (GetRole, ListPoliciesForRole), deploying user and group; then
 * GetPolicy per distinct policy.
 */
function bound(c: Calls, regions: number): number {
  const stages = [
    regions + n(c, "ListRoles") + n(c, "ListUsers") + n(c, "ListGroups"),
    n(c, "ListServices") - regions,
    n(c, "GetRole") + n(c, "ListPoliciesForRole") + n(c, "ListPoliciesForUser") + n(c, "ListUsersForGroup") + n(c, "ListPoliciesForGroup"),
    n(c, "GetPolicy"),
  ];
  return stages.reduce((sum, k) => sum + waves(k), 0) * LATENCY_MS;
}

// The emulator stands for the remote cloud: a process of its own, so its CPU time is not charged to the loader.
const CHILD_FLAG = "--emulator-process";

async function runEmulatorProcess(): Promise<void> {
  const emulator = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} });
  process.send?.({ url: emulator.url, port: emulator.port, regionPorts: emulator.regionPorts });
  process.once("message", () => void emulator.close().then(() => process.exit(0)));
}

function startEmulator(): Promise<{ url: string; port: number; regionPorts: Record<string, number>; close(): Promise<void> }> {
  const child = fork(__filename, [CHILD_FLAG], { execArgv: ["--conditions=react-server", "--import", "tsx"], stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`emulator process exited with ${code}`)));
    child.once("message", (m: { url: string; port: number; regionPorts: Record<string, number> }) =>
      resolve({
        ...m,
        close: () =>
          new Promise<void>((done) => {
            child.removeAllListeners("exit");
            child.once("exit", () => done());
            child.send("close");
          }),
      }),
    );
  });
}

const arn = (role: string) => `acs:ram::1784200000000001:role/${role}`;
const PAI = (region: string) => `eas-registry-vpc.${region}.cr.aliyuncs.com/pai-eas/python-inference:py310`;
const bob: KeyPair = { accessKeyId: DEMO_KEYS.bob.id, accessKeySecret: DEMO_KEYS.bob.secret };
const alice: KeyPair = { accessKeyId: DEMO_KEYS.alice.id, accessKeySecret: DEMO_KEYS.alice.secret };

/** Bulk roles: one in ten trusts ECS only (seed/bulk's rule); the services spread over all of them. */
const bulkRole = (k: number) => `bulk-role-${String(k % 300).padStart(4, "0")}`;
const easRole = (i: number) => bulkRole((i * 7) % 300 % 10 === 9 ? (i * 7) % 300 - 1 : (i * 7) % 300);
const ecsRole = (i: number) => bulkRole(((i * 10) % 300) + 9);

/** The i-th added service: who deploys it and with what config, failing for a cause from the table or not at all. */
function planned(i: number, regions: string[]): { config: Record<string, unknown>; keys?: KeyPair; region: string } {
  const region = regions[i % regions.length];
  const name = `fleet-svc-${String(i).padStart(4, "0")}`;
  const base = { name, metadata: { instance: 1, cpu: 1, memory: 1000 }, containers: [{ image: PAI(region), port: 8000 }] };
  const custom = (role: string, extra: Record<string, unknown> = {}) => ({ ...base, options: { enable_ram_role: true }, role_arn: arn(role), ...extra });
  const failing = FAILING - DEMO.failing;
  if (i < failing) {
    const k = i % 6;
    if (k === 0) return { region, config: custom(ecsRole(i)) };
    if (k === 1) return { region, config: custom(`bulk-gone-${i % 7}`) };
    if (k === 2) return { region, config: custom(easRole(i)), keys: bob };
    if (k === 3) return { region, config: custom("fleet-no-oss", { storage: [{ oss: { path: `oss://fleet-data/${name}/`, readOnly: true }, mount_path: "/mnt/data" }] }) };
    if (k === 4) return { region, config: custom(easRole(i), { containers: [{ image: "python:3.10", port: 8000 }] }) };
    return { region, config: { ...base, options: { enable_ram_role: true }, storage: [{ oss: { path: `oss://fleet-data/${name}/`, readOnly: true } }] } };
  }
  if (i % 5 === 0) return { region, config: base };
  if (i % 5 === 1) return { region, config: { ...base, options: { enable_ram_role: true }, metadata: { ...base.metadata, workspace_id: String(30000 + (i % 7)) } } };
  return { region, config: custom(easRole(i)), ...(i % 5 === 2 ? { keys: alice } : {}) };
}

async function seed(emulator: { url: string; port: number; regionPorts: Record<string, number> }): Promise<void> {
  await control(emulator.url, "POST", "/_emulator/seed/bulk", { roles: 300, services: 0 });
  await ramGateway(emulator.port).createRole({ roleName: "fleet-no-oss", assumeRolePolicyDocument: easTrust });
  const regions = Object.keys(emulator.regionPorts);
  const gateways = new Map<KeyPair | undefined, ReturnType<typeof easGateway>>();
  const gateway = (k?: KeyPair) => gateways.get(k) ?? gateways.set(k, easGateway(emulator, k)).get(k)!;
  const todo = Array.from({ length: SERVICES - DEMO.services }, (_, i) => planned(i, regions));
  for (let i = 0; i < todo.length; i += 16) {
    await Promise.all(todo.slice(i, i + 16).map((s) => gateway(s.keys).createService(s.region, JSON.stringify(s.config))));
  }
  await control(emulator.url, "POST", "/_emulator/settle");
}

async function main() {
  const emulator = await startEmulator();
  try {
    await seed(emulator);
    const env = parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}`, ROLESCOPE_REGIONS: Object.keys(emulator.regionPorts).join(",") });
    const cloud = createCloud(env);
    const regions = env.ROLESCOPE_REGIONS;
    // One untimed pass first, so that module loading and JIT warm-up are not counted as cloud time.
    await loadFailing(createInventoryDeps(cloud), SYSTEM_ACTOR, regions);
    await control(emulator.url, "PUT", "/_emulator/faults", { operation: "*", latencyMs: LATENCY_MS });
    await control(emulator.url, "DELETE", "/_emulator/stats");
    const t0 = performance.now();
    const fleet = await loadFailing(createInventoryDeps(cloud, { concurrency: LIMIT }), SYSTEM_ACTOR, regions);
    const ms = performance.now() - t0;
    const stats = (await control(emulator.url, "GET", "/_emulator/stats")) as { total: number; calls: Calls };
    const b = bound(stats.calls, regions.length);
    const causes = fleet.causes.map((c) => `${c.code} ${c.count}`).join(", ");
    const fmt = Object.entries(stats.calls).sort().map(([k, v]) => `${k} ${v}`).join(", ");
    console.log(`concurrency limit ${LIMIT}, ${LATENCY_MS} ms injected per call`);
    console.log(`diagnosis fleet: ${fleet.total} failing of ${SERVICES} services (${causes})`);
    console.log(`diagnosis calls: ${fmt}; bound ${b} ms`);
    console.log(`diagnosis: ${(ms / 1000).toFixed(2)} s, ${stats.total} calls, ratio-to-bound ${(ms / b).toFixed(2)}`);
    if (fleet.total !== FAILING) throw new Error(`expected ${FAILING} failing services, the fleet view found ${fleet.total}`);
    if (ms / b > 1.25) throw new Error(`ratio-to-bound ${(ms / b).toFixed(2)} is over 1.25`);
  } finally {
    await emulator.close();
  }
}

if (!process.argv.includes(CHILD_FLAG)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  void runEmulatorProcess();
}
