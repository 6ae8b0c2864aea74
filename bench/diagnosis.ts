// Diagnosis benchmark: the fleet view (every failing service with its cause) over 1,000
// services, 100 of them failing for causes across the table, behind 30 ms per call, cold
// caches. Prints the time, the calls made, and the ratio to the critical-path bound: for each
// sequential stage of the loader, ceil(calls / limit) × latency. Facts are read once per
// distinct role, deploying user and policy; a call per row would blow the bound.
import { DEMO_KEYS } from "../emulator/seed/demo-keys";
import { easGateway, ramGateway, type KeyPair } from "../tests/support/cloud/clients";
import { easTrust } from "../tests/support/cloud/eas-scenario";
import { SYSTEM_ACTOR } from "../lib/actor";
import { createCloud } from "../lib/cloud/create-cloud";
import { parseEnv } from "../lib/env";
import { createInventoryDeps } from "../lib/inventory/deps";
import { loadFailing } from "../lib/inventory/load-failing";
import { control, formatCalls, LATENCY_MS, LIMIT, measure, servicesBound, startEmulatorProcess, type EmulatorProcess } from "./support/cloud-bench";

const SERVICES = 1000;
const FAILING = 100;
/** The demo seed's own 14 services, 6 of them failing. */
const DEMO = { services: 14, failing: 6 };
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

async function seed(emulator: EmulatorProcess): Promise<void> {
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
  const emulator = await startEmulatorProcess({ seed: "demo", deployDelayMs: 0 });
  try {
    await seed(emulator);
    const env = parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}`, ROLESCOPE_REGIONS: Object.keys(emulator.regionPorts).join(",") });
    const cloud = createCloud(env);
    const regions = env.ROLESCOPE_REGIONS;
    // One untimed pass first, so that module loading and JIT warm-up are not counted as cloud time.
    await loadFailing(createInventoryDeps(cloud), SYSTEM_ACTOR, regions);
    await control(emulator.url, "PUT", "/_emulator/faults", { operation: "*", latencyMs: LATENCY_MS });
    const { ms, calls, total, value: fleet } = await measure(emulator.url, () => loadFailing(createInventoryDeps(cloud, { concurrency: LIMIT }), SYSTEM_ACTOR, regions));
    // The fleet view reads what the services list reads, and nothing per failing service.
    const b = servicesBound(calls, regions.length);
    const causes = fleet.causes.map((c) => `${c.code} ${c.count}`).join(", ");
    console.log(`concurrency limit ${LIMIT}, ${LATENCY_MS} ms injected per call`);
    console.log(`diagnosis fleet: ${fleet.total} failing of ${SERVICES} services (${causes})`);
    console.log(`diagnosis calls: ${formatCalls(calls)}; bound ${b} ms`);
    console.log(`diagnosis: ${(ms / 1000).toFixed(2)} s, ${total} calls, ratio-to-bound ${(ms / b).toFixed(2)}`);
    if (fleet.total !== FAILING) throw new Error(`expected ${FAILING} failing services, the fleet view found ${fleet.total}`);
    if (ms / b > 1.25) throw new Error(`ratio-to-bound ${(ms / b).toFixed(2)} is over 1.25`);
  } finally {
    await emulator.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
