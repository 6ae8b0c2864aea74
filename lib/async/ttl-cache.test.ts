import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache";

describe("TtlCache", () => {
  it("reuses a value within its ttl, shares in-flight calls, and reloads after", async () => {
    let t = 0;
    const cache = new TtlCache(() => t);
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cache.get("k", 100, load), cache.get("k", 100, load)]);
    expect(a.value).toBe(1);
    expect(b.value).toBe(1);
    t = 99;
    expect((await cache.get("k", 100, load)).value).toBe(1);
    t = 100;
    const c = await cache.get("k", 100, load);
    expect(c.value).toBe(2);
    expect(c.fetchedAt).toBe(100);
  });

  it("does not cache failures", async () => {
    const cache = new TtlCache();
    await expect(cache.get("k", 1000, async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect((await cache.get("k", 1000, async () => 7)).value).toBe(7);
  });

  it("invalidates by prefix", async () => {
    const cache = new TtlCache();
    let n = 0;
    await cache.get("roles:a", 1000, async () => ++n);
    await cache.get("services:a", 1000, async () => ++n);
    cache.invalidate({ prefixes: ["roles:"] });
    expect((await cache.get("roles:a", 1000, async () => ++n)).value).toBe(3);
    expect((await cache.get("services:a", 1000, async () => ++n)).value).toBe(2);
  });

  it("drops exactly the entries tagged with what changed, tags from the value included", async () => {
    const cache = new TtlCache();
    await cache.get("ram:role:a", 1000, async () => "a", ["role:a"]);
    await cache.get("ram:role:b", 1000, async () => "b", ["role:b"]);
    await cache.get("inv:service:x", 1000, async () => ({ role: "a" }), (v) => [`role:${v.role}`]);
    await cache.get("ram:users", 1000, async () => [], ["list:users"]);
    const heard: unknown[] = [];
    cache.onInvalidate((inv) => heard.push(inv));
    expect(cache.invalidate({ tags: ["role:a"] })).toBe(2);
    expect(cache.keys().sort()).toEqual(["ram:role:b", "ram:users"]);
    expect(cache.tagsOf("ram:role:b")).toEqual(["role:b"]);
    expect(heard).toEqual([{ tags: ["role:a"] }]);
    cache.invalidate({ keys: ["ram:users"] }, { broadcast: false });
    expect(heard).toHaveLength(1);
    expect(cache.keys()).toEqual(["ram:role:b"]);
  });

  it("a reload under the same key replaces the old entry's tags", async () => {
    let now = 0;
    const cache = new TtlCache(() => now);
    await cache.get("inv:service:x", 10, async () => ({ role: "a" }), (v) => [`role:${v.role}`]);
    now = 20;
    await cache.get("inv:service:x", 10, async () => ({ role: "b" }), (v) => [`role:${v.role}`]);
    expect(cache.invalidate({ tags: ["role:a"] })).toBe(0);
    expect(cache.invalidate({ tags: ["role:b"] })).toBe(1);
  });
});

describe("TtlCache eviction", () => {
  it("drops expired entries as new ones come in, so distinct keys do not pile up", async () => {
    let t = 0;
    const cache = new TtlCache(() => t);
    // A key a minute for a day, each read for a minute: a cache that never evicts holds 1,440.
    for (let i = 0; i < 1440; i++) {
      await cache.get(`k${i}`, 60_000, async () => i, [`tag${i}`]);
      t += 60_000;
    }
    expect(cache.size).toBeLessThanOrEqual(2);
    expect(cache.keys()).toContain("k1439");
    // A fresh entry survives the sweep and is still reused.
    let loads = 0;
    await cache.get("fresh", 120_000, async () => ++loads);
    t += 60_000;
    await cache.get("other", 60_000, async () => 0);
    expect((await cache.get("fresh", 120_000, async () => ++loads)).value).toBe(1);
  });

  it("drops a swept entry's tags too", async () => {
    let t = 0;
    const cache = new TtlCache(() => t);
    await cache.get("old", 1_000, async () => 1, ["role:a"]);
    t += 60_000;
    await cache.get("new", 1_000, async () => 2, ["role:b"]);
    expect(cache.invalidate({ tags: ["role:a"] }, { broadcast: false })).toBe(0);
    expect(cache.keys()).toEqual(["new"]);
  });
});
