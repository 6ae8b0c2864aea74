import { describe, expect, it, vi } from "vitest";

// Next loads lib/inventory/server-deps once per bundle; a write in one bundle (a route handler)
// must drop what another (the pages) has cached.

async function freshBundle() {
  vi.resetModules();
  return (await import("../../lib/inventory/server-deps")).getInventoryDeps();
}

describe("the inventory cache of each bundle", () => {
  it("drops what a write in another bundle invalidated, and keeps the rest", async () => {
    const routes = await freshBundle();
    const pages = await freshBundle();
    expect(pages).not.toBe(routes);
    await pages.cache.get("ram:user-policies:bob", 60_000, async () => ["old"], ["user:bob"]);
    await pages.cache.get("ram:user-policies:carol", 60_000, async () => ["kept"], ["user:carol"]);
    const { invalidateFor } = await import("../../lib/inventory/invalidate");
    invalidateFor(routes, { kind: "user-policies", name: "bob" });
    const load = vi.fn(async () => ["new"]);
    expect((await pages.cache.get("ram:user-policies:bob", 60_000, load, ["user:bob"])).value).toEqual(["new"]);
    expect(load).toHaveBeenCalledOnce();
    expect((await pages.cache.get("ram:user-policies:carol", 60_000, load, ["user:carol"])).value).toEqual(["kept"]);
  });
});
