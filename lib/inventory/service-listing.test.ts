import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { createCloud } from "../cloud/create-cloud";
import type { Cloud } from "../cloud/types";
import { parseEnv } from "../env";
import { ENGINEER } from "../../tests/support/actors";
import { createInventoryDeps, type InventoryDeps } from "./deps";
import { invalidateFor, refreshInventory } from "./invalidate";
import { loadServiceListing, loadServices } from "./load-services";
import { paramsToObject, queryServices, servicesQuerySchema } from "./query";
import type { ServiceRow } from "./types";

// `GET /api/services?facts=none`: the services list's rows from EAS's list alone, before their
// health. Against the emulator's demo account plus enough bulk services for several list pages.
let emulator: RunningEmulator;
let regions: string[];
let cloud: Cloud;

async function control(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${emulator.url}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return (await res.json()) as Record<string, unknown>;
}
const stats = async () => ((await control("GET", "/_emulator/stats")) as { calls: Record<string, number> }).calls;
const fresh = (c: Cloud = cloud): InventoryDeps => createInventoryDeps(c, { ttlMs: 60_000 });
function withoutFacts(row: ServiceRow): Omit<ServiceRow, "health" | "cause"> {
  const rest: Partial<ServiceRow> = { ...row };
  delete rest.health;
  delete rest.cause;
  return rest as Omit<ServiceRow, "health" | "cause">;
}
const parse = (qs: string) => servicesQuerySchema.parse(paramsToObject(new URLSearchParams(qs)));
const listingKey = () => `inv:service-listing:${[...regions].sort().join(",")}`;

/** What a cold read of the given loaders calls, run together. */
async function coldCalls(run: (deps: InventoryDeps) => Promise<unknown>[]): Promise<Record<string, number>> {
  await control("DELETE", "/_emulator/stats");
  await Promise.all(run(fresh()));
  return stats();
}

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} });
  await control("POST", "/_emulator/seed/bulk", { roles: 6, services: 260 });
  await control("POST", "/_emulator/settle");
  const env = parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}`, ROLESCOPE_REGIONS: Object.keys(emulator.regionPorts).join(",") });
  regions = env.ROLESCOPE_REGIONS;
  cloud = createCloud(env);
});
afterAll(() => emulator?.close());

describe("the services listing (facts=none)", () => {
  it("answers the full read's rows without health and cause, the same rows in the same order for every query", async () => {
    const listing = (await loadServiceListing(fresh(), ENGINEER, regions)).rows;
    const full = (await loadServices(fresh(), ENGINEER, regions)).rows;
    expect(listing.length).toBeGreaterThan(200);
    expect(listing.some((r) => "health" in r || "cause" in r)).toBe(false);
    const byKey = (rows: { region: string; name: string }[]) => [...rows].sort((a, b) => `${a.region}/${a.name}`.localeCompare(`${b.region}/${b.name}`));
    expect(byKey(listing)).toEqual(byKey(full.map(withoutFacts)));
    expect(full.some((r) => r.health.state === "problem") && full.some((r) => r.roleMode === "custom" && r.roleArn)).toBe(true);

    for (const qs of ["", "sort=-name&page=2", "sort=status&pageSize=50", "sort=-updated", "sort=role&page=3", "sort=-region", "mode=custom&q=eas", "status=Failed", "region=cn-hangzhou&pageSize=100&page=2"]) {
      const quick = queryServices(listing, parse(`${qs}&facts=none`), 1);
      const whole = queryServices(full, parse(qs), 1);
      expect({ ...quick, items: quick.items.map((r) => `${r.region}/${r.name}`) }, qs).toEqual({ ...whole, items: whole.items.map((r) => `${r.region}/${r.name}`) });
      expect(quick.items, qs).toEqual(whole.items.map(withoutFacts));
    }
  });

  it("reads EAS's list pages only: no RAM call", async () => {
    const deps = fresh();
    await control("DELETE", "/_emulator/stats");
    const { rows } = await loadServiceListing(deps, ENGINEER, regions);
    const pages = regions.reduce((sum, r) => sum + Math.max(1, Math.ceil(rows.filter((s) => s.region === r).length / 100)), 0);
    expect(pages).toBeGreaterThan(regions.length);
    expect(await stats()).toEqual({ ListServices: pages });
    // Answered from the cache after that.
    await control("DELETE", "/_emulator/stats");
    await loadServiceListing(deps, ENGINEER, regions);
    expect(await stats()).toEqual({});
  });

  it("adds no call to a cold visit: the listing and the full read share every ListServices page, whichever starts first", async () => {
    const alone = await coldCalls((deps) => [loadServices(deps, ENGINEER, regions)]);
    expect(alone.ListServices).toBeGreaterThan(regions.length);
    expect(await coldCalls((deps) => [loadServiceListing(deps, ENGINEER, regions), loadServices(deps, ENGINEER, regions)])).toEqual(alone);
    expect(await coldCalls((deps) => [loadServices(deps, ENGINEER, regions), loadServiceListing(deps, ENGINEER, regions)])).toEqual(alone);
  });

  it("lets the full read start its role reads on the first page even when the listing began the region read", async () => {
    // Every page after the first is held until the test has seen a GetRole.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const getRole = vi.fn(cloud.ram.getRole.bind(cloud.ram));
    const slow: Cloud = {
      ...cloud,
      ram: Object.assign(Object.create(cloud.ram) as Cloud["ram"], { getRole }),
      eas: Object.assign(Object.create(cloud.eas) as Cloud["eas"], {
        listServices: async (region: string, opts: Parameters<Cloud["eas"]["listServices"]>[1]) => {
          if ((opts?.pageNumber ?? 1) > 1) await held;
          return cloud.eas.listServices(region, opts);
        },
      }),
    };
    const deps = fresh(slow);
    const listing = loadServiceListing(deps, ENGINEER, regions);
    const full = loadServices(deps, ENGINEER, regions);
    await vi.waitFor(() => expect(getRole).toHaveBeenCalled(), { timeout: 10_000 });
    release();
    const [quick, whole] = await Promise.all([listing, full]);
    expect(quick.rows).toHaveLength(whole.rows.length);
  });

  it("reads every list page before the role reads the first pages started, however few calls may run at once", async () => {
    const order: string[] = [];
    const recorded: Cloud = {
      ...cloud,
      ram: Object.assign(Object.create(cloud.ram) as Cloud["ram"], { getRole: (name: string) => (order.push("GetRole"), cloud.ram.getRole(name)) }),
      eas: Object.assign(Object.create(cloud.eas) as Cloud["eas"], {
        listServices: (region: string, opts: Parameters<Cloud["eas"]["listServices"]>[1]) => (order.push("ListServices"), cloud.eas.listServices(region, opts)),
      }),
    };
    const deps = createInventoryDeps(recorded, { ttlMs: 60_000, concurrency: 1 });
    await Promise.all([loadServices(deps, ENGINEER, regions), loadServiceListing(deps, ENGINEER, regions)]);
    expect(order.filter((o) => o === "ListServices").length).toBeGreaterThan(regions.length);
    expect(order.lastIndexOf("ListServices")).toBeLessThan(order.indexOf("GetRole"));
  });

  it("is cached under its own key with the aggregates' tags: a write or a refresh drops it", async () => {
    const deps = fresh();
    await loadServiceListing(deps, ENGINEER, regions);
    expect(deps.cache.tagsOf(listingKey()).sort()).toEqual(["agg:eas", "agg:ram"]);
    invalidateFor(deps, { kind: "role", name: "eas-oss-reader" });
    expect(deps.cache.has(listingKey())).toBe(false);

    await loadServiceListing(deps, ENGINEER, regions);
    invalidateFor(deps, { kind: "service", region: regions[0], name: "fraud-detector" });
    expect(deps.cache.has(listingKey())).toBe(false);

    await loadServiceListing(deps, ENGINEER, regions);
    refreshInventory(deps, ENGINEER, { what: "services" });
    expect(deps.cache.has(listingKey())).toBe(false);
  });

  it("refuses to be combined with a health filter or sort, naming facts and the rule", () => {
    expect(parse("facts=none&sort=-updated")).toMatchObject({ facts: "none", sort: "-updated" });
    expect(parse("sort=health")).not.toHaveProperty("facts");
    for (const qs of ["facts=none&health=ok", "facts=none&sort=health", "facts=none&sort=-health"]) {
      const r = servicesQuerySchema.safeParse(paramsToObject(new URLSearchParams(qs)));
      expect(r.success, qs).toBe(false);
      expect(r.error?.issues.map((i) => [i.path.join("."), i.message]), qs).toEqual([["facts", "factsWithHealth"]]);
    }
    expect(servicesQuerySchema.safeParse({ facts: "all" }).error?.issues[0].path).toEqual(["facts"]);
  });
});
