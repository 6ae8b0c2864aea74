import { describe, expect, it, vi } from "vitest";
import { ForbiddenError, SYSTEM_ACTOR, requirePermission } from "../../lib/actor";
import { changeConsoleUser, createConsoleUser, listConsoleUsers } from "../../lib/auth/user-admin";
import { createInventoryDeps } from "../../lib/inventory/deps";
import { loadRoleDetail } from "../../lib/inventory/role-detail";
import { loadRoles } from "../../lib/inventory/load-roles";
import { loadServices } from "../../lib/inventory/load-services";
import { loadServiceDetail, loadServiceEvents } from "../../lib/inventory/load-service-detail";
import { refreshInventory } from "../../lib/inventory/invalidate";
import type { Cloud } from "../../lib/cloud/types";
import { toConsoleUser } from "../../lib/auth/types";
import { type ConsoleUser } from "../../lib/actor";
import { harness } from "./harness";

// The data layer checks the permission itself: called directly (as a route that forgot its own
// check would), each admin operation refuses an engineer before touching the store or the cloud.

const cloudThatMustNotBeCalled = () => {
  const fail = vi.fn(() => {
    throw new Error("the cloud was called");
  });
  const handler: ProxyHandler<object> = { get: (_t, prop) => (prop === "regions" ? ["cn-hangzhou"] : prop === "describe" ? () => ({ mode: "emulator", endpoint: "x", regions: ["cn-hangzhou"] }) : fail) };
  return { cloud: { ram: new Proxy({}, handler), eas: new Proxy({}, handler), describe: () => ({ mode: "emulator", endpoint: "x", regions: ["cn-hangzhou"] }) } as unknown as Cloud, fail };
};

async function refused(p: Promise<unknown> | (() => unknown)): Promise<ForbiddenError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(ForbiddenError);
    return e as ForbiddenError;
  }
  throw new Error("expected a ForbiddenError, and the call succeeded");
}

describe("authorisation inside the data layer", () => {
  it("user management refuses an engineer, and nothing is written", async () => {
    const h = harness();
    const bob: ConsoleUser = toConsoleUser(await h.addUser("bob", "engineer"));
    const zed = await h.addUser("zed", "engineer");
    const before = await h.audit();
    const err = await refused(createConsoleUser(h.admin(), bob, { username: "mallory", displayName: "M", role: "admin", password: "a-long-password-1" }));
    expect(err).toMatchObject({ code: "forbidden", status: 403, denial: { actor: "bob", permission: "users:manage" } });
    await refused(changeConsoleUser(h.admin(), bob, zed.id, { role: "admin" }));
    await refused(changeConsoleUser(h.admin(), bob, bob.id, { role: "admin" }));
    await refused(listConsoleUsers(h.admin(), bob));
    expect(await h.stores.users.findByUsername("mallory")).toBeNull();
    expect((await h.stores.users.findById(zed.id))?.role).toBe("engineer");
    expect((await h.stores.users.findById(bob.id))?.role).toBe("engineer");
    expect(await h.audit()).toEqual(before);
  });

  it("an admin passes the same checks", async () => {
    const h = harness();
    const alice = toConsoleUser(await h.addUser("alice", "admin"));
    expect((await listConsoleUsers(h.admin(), alice)).map((u) => u.username)).toEqual(["alice"]);
  });

  it("inventory reads need inventory:read, which both roles and the console itself hold", async () => {
    const { cloud, fail } = cloudThatMustNotBeCalled();
    const deps = createInventoryDeps(cloud);
    const nobody = { id: "x", username: "x", displayName: "x", role: "viewer" } as unknown as ConsoleUser;
    await refused(loadServices(deps, nobody, ["cn-hangzhou"]));
    await refused(loadRoles(deps, nobody, ["cn-hangzhou"]));
    await refused(loadRoleDetail(deps, nobody, "r"));
    await refused(loadServiceDetail(deps, nobody, "cn-hangzhou", "s"));
    await refused(loadServiceEvents(deps, nobody, "cn-hangzhou", "s", 1));
    await refused(() => refreshInventory(deps, nobody, { what: "services" }));
    expect(fail).not.toHaveBeenCalled();
    expect(() => requirePermission(SYSTEM_ACTOR, "cloud:write")).not.toThrow();
  });
});
