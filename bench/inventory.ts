// Inventory benchmark: 1,000 services and 300 roles, then 10,000 services and 1,000 roles (RAM's
// default role quota), behind 30 ms per call, cold caches. Prints the time to the full services
// list and roles list, the calls made, peak RSS, and the ratio to the critical-path bound: for
// each sequential stage of a loader, ceil(calls / limit) × latency.
import { fork } from "node:child_process";
import { createEmulator } from "../emulator/server";
import { createCloud } from "../lib/cloud/create-cloud";
import { DEFAULT_CLOUD_CONCURRENCY } from "../lib/cloud/pool";
import { parseEnv } from "../lib/env";
import { SYSTEM_ACTOR } from "../lib/auth/actor";
import { createInventoryDeps } from "../lib/inventory/deps";
import { loadRoles } from "../lib/inventory/load-roles";
import { loadServices } from "../lib/inventory/load-services";

const LATENCY_MS = 30;
const LIMIT = DEFAULT_CLOUD_CONCURRENCY;
type Calls = Record<string, number>;

async function control(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${url}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const waves = (calls: number) => Math.ceil(calls / LIMIT);
const n = (calls: Calls, op: string) => calls[op] ?? 0;

/**
 * The stages of loadServices: page 1 of each region with the role, user and group lists; the
 * other pages; per distinct role (GetRole, ListPoliciesForRole), deploying user and group; then
 * GetPolicy per distinct policy (health reads what each role allows against what its services need).
 */
function servicesBound(c: Calls, regions: number): number {
  const stages = [
    regions + n(c, "ListRoles") + n(c, "ListUsers") + n(c, "ListGroups"),
    n(c, "ListServices") - regions,
    n(c, "GetRole") + n(c, "ListPoliciesForRole") + n(c, "ListPoliciesForUser") + n(c, "ListUsersForGroup") + n(c, "ListPoliciesForGroup"),
    n(c, "GetPolicy"),
  ];
  return stages.reduce((sum, k) => sum + waves(k), 0) * LATENCY_MS;
}

/**
 * The stages of loadRoles: the four lists; then per role, per user, per group and the other
 * pages; then GetPolicy per distinct user or group policy.
 */
function rolesBound(c: Calls, regions: number): number {
  const stages = [
    regions + n(c, "ListRoles") + n(c, "ListUsers") + n(c, "ListGroups"),
    n(c, "ListServices") - regions + n(c, "GetRole") + n(c, "ListPoliciesForRole") + n(c, "ListPoliciesForUser") + n(c, "ListUsersForGroup") + n(c, "ListPoliciesForGroup"),
    n(c, "GetPolicy"),
  ];
  return stages.reduce((sum, k) => sum + waves(k), 0) * LATENCY_MS;
}

async function measure<T>(url: string, run: () => Promise<T>): Promise<{ ms: number; calls: Calls; total: number; value: T }> {
  await control(url, "DELETE", "/_emulator/stats");
  const t0 = performance.now();
  const value = await run();
  const ms = performance.now() - t0;
  const stats = (await control(url, "GET", "/_emulator/stats")) as { total: number; calls: Calls };
  return { ms, calls: stats.calls, total: stats.total, value };
}

// The emulator stands for the remote cloud: it runs in a process of its own, so that its CPU
// time is not charged to the loaders' event loop.
const CHILD_FLAG = "--emulator-process";

async function runEmulatorProcess(): Promise<void> {
  const emulator = await createEmulator({ port: 0, seed: "empty", log: () => {} });
  process.send?.({ url: emulator.url, port: emulator.port, regions: Object.keys(emulator.regionPorts) });
  process.once("message", () => void emulator.close().then(() => process.exit(0)));
}

function startEmulator(): Promise<{ url: string; port: number; regions: string[]; close(): Promise<void> }> {
  const child = fork(__filename, [CHILD_FLAG], { execArgv: ["--conditions=react-server", "--import", "tsx"], stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`emulator process exited with ${code}`)));
    child.once("message", (m: { url: string; port: number; regions: string[] }) =>
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

const mib = (kb: number) => (kb / 1024).toFixed(0);

async function run(label: string, size: { roles: number; services: number }) {
  const emulator = await startEmulator();
  try {
    await control(emulator.url, "POST", "/_emulator/seed/bulk", size);
    const env = parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}`, ROLESCOPE_REGIONS: emulator.regions.join(",") });
    const cloud = createCloud(env);
    const regions = env.ROLESCOPE_REGIONS;
    // One untimed pass first, so that module loading and JIT warm-up are not counted as cloud time.
    await loadServices(createInventoryDeps(cloud), SYSTEM_ACTOR, regions);
    await loadRoles(createInventoryDeps(cloud), SYSTEM_ACTOR, regions);
    await control(emulator.url, "PUT", "/_emulator/faults", { operation: "*", latencyMs: LATENCY_MS });

    // A fresh cache for each list, so neither profits from the other's reads.
    const services = await measure(emulator.url, () => loadServices(createInventoryDeps(cloud, { concurrency: LIMIT }), SYSTEM_ACTOR, regions));
    const roles = await measure(emulator.url, () => loadRoles(createInventoryDeps(cloud, { concurrency: LIMIT }), SYSTEM_ACTOR, regions));

    const sBound = servicesBound(services.calls, regions.length);
    const rBound = rolesBound(roles.calls, regions.length);
    const fmt = (c: Calls) => Object.entries(c).sort().map(([k, v]) => `${k} ${v}`).join(", ");
    console.log(`${label} services: ${services.value.rows.length} rows in ${services.ms.toFixed(0)} ms; ${services.total} calls (${fmt(services.calls)}); bound ${sBound} ms`);
    console.log(`${label} roles:    ${roles.value.rows.length} rows in ${roles.ms.toFixed(0)} ms; ${roles.total} calls (${fmt(roles.calls)}); bound ${rBound} ms`);
    const ratio = (services.ms + roles.ms) / (sBound + rBound);
    console.log(
      `${label}: services ${(services.ms / 1000).toFixed(2)} s, roles ${(roles.ms / 1000).toFixed(2)} s, ${services.total + roles.total} calls, ratio-to-bound ${ratio.toFixed(2)}, peak RSS ${mib(process.resourceUsage().maxRSS)} MiB`,
    );
  } finally {
    await emulator.close();
  }
}

async function main() {
  console.log(`concurrency limit ${LIMIT}, ${LATENCY_MS} ms injected per call`);
  await run("inventory", { roles: 300, services: 1000 });
  await run("inventory-10k", { roles: 1000, services: 10_000 });
}

if (!process.argv.includes(CHILD_FLAG)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  void runEmulatorProcess();
}
