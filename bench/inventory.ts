// Inventory benchmark: 1,000 services and 300 roles, then 10,000 services and 1,000 roles (RAM's
// default role quota), behind 30 ms per call, cold caches. Prints the time to the full services
// list and roles list, the calls made, peak RSS, and the ratio to the critical-path bound: for
// each sequential stage of a loader, ceil(calls / limit) × latency; and the services page's time
// to its first rows (the listing, asked for beside the full read) against the list pages' bound.
import { createCloud } from "../lib/cloud/create-cloud";
import { parseEnv } from "../lib/env";
import { SYSTEM_ACTOR } from "../lib/actor";
import { createInventoryDeps } from "../lib/inventory/deps";
import { loadRoles } from "../lib/inventory/load-roles";
import { loadServiceListing, loadServices } from "../lib/inventory/load-services";
import { control, formatCalls, LATENCY_MS, LIMIT, measure, n, servicesBound, startEmulatorProcess, waves, type Calls } from "./support/cloud-bench";

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

const mib = (kb: number) => (kb / 1024).toFixed(0);

async function run(label: string, size: { roles: number; services: number }) {
  const emulator = await startEmulatorProcess({ seed: "empty" });
  const regionList = Object.keys(emulator.regionPorts);
  try {
    await control(emulator.url, "POST", "/_emulator/seed/bulk", size);
    const env = parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}`, ROLESCOPE_REGIONS: regionList.join(",") });
    const cloud = createCloud(env);
    const regions = env.ROLESCOPE_REGIONS;
    // One untimed pass first, so that module loading and JIT warm-up are not counted as cloud time.
    await loadServices(createInventoryDeps(cloud), SYSTEM_ACTOR, regions);
    await loadRoles(createInventoryDeps(cloud), SYSTEM_ACTOR, regions);
    await control(emulator.url, "PUT", "/_emulator/faults", { operation: "*", latencyMs: LATENCY_MS });

    // A fresh cache for each list, so neither profits from the other's reads.
    const services = await measure(emulator.url, () => loadServices(createInventoryDeps(cloud, { concurrency: LIMIT }), SYSTEM_ACTOR, regions));
    const roles = await measure(emulator.url, () => loadRoles(createInventoryDeps(cloud, { concurrency: LIMIT }), SYSTEM_ACTOR, regions));

    // The services page asks for its rows (the listing) and the full read together: the rows wait
    // only on the list pages, which go ahead of the role reads the first pages start.
    const visitDeps = createInventoryDeps(cloud, { concurrency: LIMIT });
    const v0 = performance.now();
    let firstRows = 0;
    const visit = await measure(emulator.url, () =>
      Promise.all([loadServices(visitDeps, SYSTEM_ACTOR, regions), loadServiceListing(visitDeps, SYSTEM_ACTOR, regions).then(() => (firstRows = performance.now() - v0))]),
    );
    const listPages = n(visit.calls, "ListServices");
    const rowsBound = (waves(regions.length) + waves(listPages - regions.length)) * LATENCY_MS;

    const sBound = servicesBound(services.calls, regions.length);
    const rBound = rolesBound(roles.calls, regions.length);
    console.log(`${label} services: ${services.value.rows.length} rows in ${services.ms.toFixed(0)} ms; ${services.total} calls (${formatCalls(services.calls)}); bound ${sBound} ms`);
    console.log(`${label} roles:    ${roles.value.rows.length} rows in ${roles.ms.toFixed(0)} ms; ${roles.total} calls (${formatCalls(roles.calls)}); bound ${rBound} ms`);
    console.log(`${label} services list visit: first rows ${firstRows.toFixed(0)} ms (bound ${rowsBound} ms, ratio ${(firstRows / rowsBound).toFixed(2)}), complete ${visit.ms.toFixed(0)} ms; ${visit.total} calls with the listing, ${services.total} without`);
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

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
