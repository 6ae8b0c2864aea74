import { describe, expect, it, vi } from "vitest";

// Next loads lib/inventory/server-deps once per bundle; a write in one bundle (a route handler)
// must drop what another (the pages) has cached, and what a cached read failed with must still
// be recognised by the other bundle's own error classes.

async function freshBundle() {
  vi.resetModules();
  const deps = (await import("../../lib/inventory/server-deps")).getInventoryDeps();
  const { CloudError } = await import("../../lib/errors/cloud-error");
  const { invalidateFor } = await import("../../lib/inventory/invalidate");
  return { deps, CloudError, invalidateFor };
}

describe("the inventory cache across bundles", () => {
  it("is one cache: a write in one bundle drops what another cached, and keeps the rest", async () => {
    const routes = await freshBundle();
    const pages = await freshBundle();
    expect(pages.CloudError).not.toBe(routes.CloudError);
    expect(pages.deps).toBe(routes.deps);
    await pages.deps.cache.get("ram:user-policies:bob", 60_000, async () => ["old"], ["user:bob"]);
    await pages.deps.cache.get("ram:user-policies:carol", 60_000, async () => ["kept"], ["user:carol"]);
    routes.invalidateFor(routes.deps, { kind: "user-policies", name: "bob" });
    const load = vi.fn(async () => ["new"]);
    expect((await pages.deps.cache.get("ram:user-policies:bob", 60_000, load, ["user:bob"])).value).toEqual(["new"]);
    expect(load).toHaveBeenCalledOnce();
    expect((await pages.deps.cache.get("ram:user-policies:carol", 60_000, load, ["user:carol"])).value).toEqual(["kept"]);
  });

  it("a failure thrown by one bundle's CloudError is a CloudError to the other", async () => {
    const routes = await freshBundle();
    const pages = await freshBundle();
    const err = new routes.CloudError({ code: "EntityNotExist.Role", message: "The role does not exist." });
    expect(err instanceof pages.CloudError).toBe(true);
    expect(new Error("x") instanceof pages.CloudError).toBe(false);
  });
});
