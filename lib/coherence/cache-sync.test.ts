import { describe, expect, it } from "vitest";
import { TtlCache } from "../async/ttl-cache";
import { syncCache, type Bus } from "./cache-sync";
import { decodeInvalidation, encodeInvalidation } from "./messages";

/** Every replica's bus hears every payload, its own included, as LISTEN/NOTIFY delivers them. */
function network() {
  const subs: Parameters<Bus["subscribe"]>[0][] = [];
  const sent: string[] = [];
  const bus = (): Bus => ({
    publish: async (p) => {
      sent.push(p);
      for (const s of subs) s.message(p);
    },
    subscribe: (h) => void subs.push(h),
    close: async () => {},
  });
  return { bus, sent, resyncAll: () => subs.forEach((s) => s.resync()) };
}

async function filled(cache: TtlCache) {
  await cache.get("ram:role:a", 60_000, async () => 1, ["role:a"]);
  await cache.get("ram:role:b", 60_000, async () => 2, ["role:b"]);
  await cache.get("eas:services:x", 60_000, async () => 3, ["list:services"]);
}

describe("cache coherence between replicas", () => {
  it("drops on B exactly what a write on A dropped, by tag, key or prefix, and sends nothing back", async () => {
    const net = network();
    const [a, b] = [new TtlCache(), new TtlCache()];
    syncCache(a, net.bus(), "A");
    syncCache(b, net.bus(), "B");
    await filled(a);
    await filled(b);
    a.invalidate({ tags: ["role:a"] });
    expect(b.keys().sort()).toEqual(["eas:services:x", "ram:role:b"]);
    a.invalidate({ keys: ["ram:role:b"], prefixes: ["eas:"] });
    expect(b.keys()).toEqual([]);
    expect(net.sent.map((p) => decodeInvalidation(p)?.from)).toEqual(["A", "A"]);
  });

  it("keeps to itself what concerns this replica alone, and drops everything after a gap", async () => {
    const net = network();
    const [a, b] = [new TtlCache(), new TtlCache()];
    syncCache(a, net.bus(), "A");
    syncCache(b, net.bus(), "B");
    await filled(b);
    a.invalidate({ tags: ["role:a"] }, { broadcast: false });
    expect(net.sent).toEqual([]);
    expect(b.keys()).toHaveLength(3);
    net.resyncAll();
    expect(b.keys()).toEqual([]);
  });

  it("ignores payloads that are not its own kind, and splits long lists under PostgreSQL's payload limit", () => {
    expect(decodeInvalidation("not json")).toBeNull();
    expect(decodeInvalidation(JSON.stringify({ hello: 1 }))).toBeNull();
    const keys = Array.from({ length: 2_000 }, (_, i) => `ram:user-policies:user-${i}`);
    const parts = encodeInvalidation("A", { keys, tags: ["agg:ram"] });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(7_500);
    const back = parts.map((p) => decodeInvalidation(p)!);
    expect(back.flatMap((m) => m.keys ?? [])).toEqual(keys);
    expect(back.flatMap((m) => m.tags ?? [])).toEqual(["agg:ram"]);
    expect(encodeInvalidation("A", {})).toEqual([]);
  });
});
