import { describe, expect, it } from "vitest";
import { Limiter, mapLimit } from "./pool";
import { TtlCache } from "./cache";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("mapLimit", () => {
  it("keeps order and never exceeds the limit", async () => {
    let active = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      active++;
      peak = Math.max(peak, active);
      await tick(n);
      active--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(peak).toBe(3);
  });

  it("handles an empty list", async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });
});

describe("Limiter", () => {
  it("shares its slots between callers", async () => {
    const limiter = new Limiter(2);
    let active = 0;
    let peak = 0;
    const job = () => limiter.run(async () => {
      active++;
      peak = Math.max(peak, active);
      await tick(2);
      active--;
    });
    await Promise.all([job(), job(), job(), job(), job()]);
    expect(peak).toBe(2);
  });
});

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
