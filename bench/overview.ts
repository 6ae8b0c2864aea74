// Overview benchmark: the demo account plus a bulk seed, behind 1 s per call (a slow cloud),
// cold caches. The overview streams its three inventory panels (failing services, roles EAS
// cannot assume, security warnings) each as its data arrives, so it prints the time to the first
// panel's rows and to the last, each as a ratio to its critical-path bound: per panel, for each
// sequential stage of its loader, ceil(calls / limit) × latency; the first row's bound is the
// quickest panel's, the complete page's the slowest one's. The services list likewise: its rows
// (the listing from EAS's pages alone) and its health (the full read), asked for together. Then
// a visit after the TTL has passed: what was read is shown at once, with its age, while a fresh
// read runs.
import { SYSTEM_ACTOR } from "../lib/actor";
import { TtlCache } from "../lib/async/ttl-cache";
import { createCloud } from "../lib/cloud/create-cloud";
import { parseEnv } from "../lib/env";
import { createInventoryDeps } from "../lib/inventory/deps";
import { loadRoles } from "../lib/inventory/load-roles";
import { loadServiceListing, loadServices } from "../lib/inventory/load-services";
import { loadSecurityFindings } from "../lib/overview/load-security-findings";
import { control, formatCalls, LIMIT, measure, n, servicesBound, LATENCY_MS as BOUND_LATENCY_MS, startEmulatorProcess, waves, type Calls } from "./support/cloud-bench";

const LATENCY_MS = 1000;
const BULK = { roles: 40, services: 120 };
const TTL_MS = 15_000;

// servicesBound is written for the inventory benchmark's latency; a bound is linear in it.
const atLatency = (boundMs: number) => (boundMs / BOUND_LATENCY_MS) * LATENCY_MS;

/** loadRoles: the four lists; then per role, per user, per group and the other pages; then GetPolicy. */
const rolesBound = (c: Calls, regions: number) =>
  [
    regions + n(c, "ListRoles") + n(c, "ListUsers") + n(c, "ListGroups"),
    n(c, "ListServices") - regions + n(c, "GetRole") + n(c, "ListPoliciesForRole") + n(c, "ListPoliciesForUser") + n(c, "ListUsersForGroup") + n(c, "ListPoliciesForGroup"),
    n(c, "GetPolicy"),
  ].reduce((sum, k) => sum + waves(k), 0) * LATENCY_MS;

/** loadSecurityFindings: the three RAM lists; then per role, user and group; then GetPolicy per distinct policy. */
const securityBound = (c: Calls) =>
  [
    n(c, "ListRoles") + n(c, "ListUsers") + n(c, "ListGroups"),
    n(c, "GetRole") + n(c, "ListPoliciesForRole") + n(c, "ListPoliciesForUser") + n(c, "ListPoliciesForGroup"),
    n(c, "GetPolicy"),
  ].reduce((sum, k) => sum + waves(k), 0) * LATENCY_MS;

/** loadServiceListing: page 1 of each region, then the other pages. */
const listingBound = (c: Calls, regions: number) => (waves(regions) + waves(n(c, "ListServices") - regions)) * LATENCY_MS;

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const emulator = await startEmulatorProcess({ seed: "demo" });
  try {
    await control(emulator.url, "POST", "/_emulator/seed/bulk", BULK);
    const regionList = Object.keys(emulator.regionPorts);
    const env = parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}`, ROLESCOPE_REGIONS: regionList.join(",") });
    const cloud = createCloud(env);
    const regions = env.ROLESCOPE_REGIONS;
    const fresh = (cache = new TtlCache()) => createInventoryDeps(cloud, { concurrency: LIMIT, ttlMs: TTL_MS, cache });
    const panels: Record<string, (d: ReturnType<typeof fresh>) => Promise<{ fetchedAt: number }>> = {
      failing: (d: ReturnType<typeof fresh>) => loadServices(d, SYSTEM_ACTOR, regions),
      roles: (d: ReturnType<typeof fresh>) => loadRoles(d, SYSTEM_ACTOR, regions),
      security: (d: ReturnType<typeof fresh>) => loadSecurityFindings(d, SYSTEM_ACTOR),
    };
    // One untimed pass, so that module loading and JIT warm-up are not counted as cloud time.
    await Promise.all(Object.values(panels).map((p) => p(fresh())));
    await control(emulator.url, "PUT", "/_emulator/faults", { operation: "*", latencyMs: LATENCY_MS });
    console.log(`demo seed + bulk ${BULK.roles} roles, ${BULK.services} services; concurrency limit ${LIMIT}, ${LATENCY_MS} ms injected per call`);

    // Each panel alone, for its calls and its bound.
    const bounds: Record<string, number> = {};
    for (const [name, load] of Object.entries(panels)) {
      const m = await measure<{ fetchedAt: number }>(emulator.url, () => load(fresh()));
      bounds[name] = name === "failing" ? atLatency(servicesBound(m.calls, regions.length)) : name === "roles" ? rolesBound(m.calls, regions.length) : securityBound(m.calls);
      console.log(`  ${name} alone: ${s(m.ms)}; ${m.total} calls (${formatCalls(m.calls)}); bound ${s(bounds[name])}`);
    }

    // The page as it loads: all panels at once, sharing one cache and one limiter.
    const cache = new TtlCache();
    const deps = fresh(cache);
    const t0 = performance.now();
    const arrived: Record<string, number> = {};
    await Promise.all(Object.entries(panels).map(([name, load]) => load(deps).then(() => (arrived[name] = performance.now() - t0))));
    const first = Math.min(...Object.values(arrived));
    const complete = Math.max(...Object.values(arrived));
    const firstBound = Math.min(...Object.values(bounds));
    const completeBound = Math.max(...Object.values(bounds));
    console.log(`  together: ${Object.entries(arrived).map(([k, v]) => `${k} ${s(v)}`).join(", ")}`);

    // The services list as its page loads it: the full read and the listing (facts=none) asked
    // for together, on cold caches; the rows show when the listing lands, the health with the full read.
    const listingAlone = await measure(emulator.url, () => loadServiceListing(fresh(), SYSTEM_ACTOR, regions));
    const rowsBound = listingBound(listingAlone.calls, regions.length);
    const listDeps = fresh();
    const timeline: { rows?: number; health?: number } = {};
    const l0 = performance.now();
    const visit = await measure(emulator.url, () =>
      Promise.all([
        loadServices(listDeps, SYSTEM_ACTOR, regions).then(() => (timeline.health = performance.now() - l0)),
        loadServiceListing(listDeps, SYSTEM_ACTOR, regions).then(() => (timeline.rows = performance.now() - l0)),
      ]),
    );
    const fullAlone = await measure(emulator.url, () => loadServices(fresh(), SYSTEM_ACTOR, regions));
    console.log(`  services listing alone: ${s(listingAlone.ms)}; ${listingAlone.total} calls (${formatCalls(listingAlone.calls)}); bound ${s(rowsBound)}`);
    console.log(`  services list visit: ${visit.total} calls with the listing, ${fullAlone.total} for the full read alone (ListServices ${n(visit.calls, "ListServices")} vs ${n(fullAlone.calls, "ListServices")})`);
    console.log(
      `services list at ${LATENCY_MS} ms/call: first rows ${s(timeline.rows!)} (bound ${s(rowsBound)}, ratio ${(timeline.rows! / rowsBound).toFixed(2)}), complete ${s(timeline.health!)} (bound ${s(bounds.failing)}, ratio ${(timeline.health! / bounds.failing).toFixed(2)})`,
    );

    // A visit once the TTL has passed: the cache says every entry expired, the panels answer what they last read.
    let skew = 0;
    const later = new TtlCache(() => Date.now() + skew);
    const revisitDeps = fresh(later);
    await Promise.all(Object.values(panels).map((p) => p(revisitDeps)));
    skew = TTL_MS + 1;
    const r0 = performance.now();
    const answers = await Promise.all(Object.values(panels).map((p) => p(revisitDeps)));
    const revisit = performance.now() - r0;
    const oldest = Math.min(...answers.map((a) => a.fetchedAt));
    // The reads the revisit started run on behind it: let them land before the emulator goes.
    for (let i = 0; i < 120; i++) {
      const now = await Promise.all(Object.values(panels).map((p) => p(revisitDeps)));
      if (now.every((a, k) => a.fetchedAt > answers[k].fetchedAt)) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    console.log(
      `overview at ${LATENCY_MS} ms/call: first row ${s(first)} (bound ${s(firstBound)}, ratio ${(first / firstBound).toFixed(2)}), complete ${s(complete)} (bound ${s(completeBound)}, ratio ${(complete / completeBound).toFixed(2)}); revisit after the TTL ${revisit.toFixed(0)} ms, showing data ${s(Date.now() + skew - oldest)} old`,
    );
  } finally {
    await emulator.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
