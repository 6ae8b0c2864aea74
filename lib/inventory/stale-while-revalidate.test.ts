import { describe, expect, it } from "vitest";
import { TtlCache } from "../async/ttl-cache";
import type { Cloud } from "../cloud/types";
import { createInventoryDeps } from "./deps";
import { MAX_STALE_MS, staleWhileRevalidate } from "./stale-while-revalidate";

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function setup() {
  let t = 0;
  const now = () => t;
  const cache = new TtlCache(now);
  const deps = createInventoryDeps({} as Cloud, { cache, ttlMs: 1000 });
  const read = (load: () => Promise<string>) => staleWhileRevalidate(deps, "k", load, [], deps.ttlMs, now);
  return { deps, cache, read, at: (ms: number) => (t = ms) };
}

describe("stale-while-revalidate", () => {
  it("answers the expired value at once, with its age, while the new read runs; the next reader gets the new one", async () => {
    const { read, at } = setup();
    expect(await read(async () => "first")).toEqual({ value: "first", fetchedAt: 0 });
    at(1500);
    const slow = deferred<string>();
    let started = 0;
    expect(await read(() => (started++, slow.promise))).toEqual({ value: "first", fetchedAt: 0 });
    expect(started).toBe(1);
    slow.resolve("second");
    await new Promise((r) => setTimeout(r, 0));
    at(1600);
    expect(await read(async () => "unused")).toEqual({ value: "second", fetchedAt: 1500 });
  });

  it("waits for the read after a write or refresh dropped the cache", async () => {
    const { read, at, cache } = setup();
    await read(async () => "before");
    at(1500);
    cache.invalidate({ prefixes: [""] });
    expect(await read(async () => "after")).toEqual({ value: "after", fetchedAt: 1500 });
  });

  it("waits when what it kept is too old to show", async () => {
    const { read, at } = setup();
    await read(async () => "old");
    at(MAX_STALE_MS + 1);
    expect((await read(async () => "new")).value).toBe("new");
  });

  it("keeps the last good value when the new read fails, and lets the next reader see the failure", async () => {
    const { read, at } = setup();
    await read(async () => "good");
    at(1500);
    expect((await read(() => Promise.reject(new Error("throttled")))).value).toBe("good");
    await new Promise((r) => setTimeout(r, 0));
    at(1600);
    expect((await read(async () => "again")).value).toBe("good");
  });
});
