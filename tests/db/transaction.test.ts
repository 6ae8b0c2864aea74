import { describe, expect, it } from "vitest";
import { openDatabase } from "../../lib/db/connection";
import { sqliteStores } from "../../lib/db/sqlite";
import { OpenRequestExistsError, type NewPassRoleRequest } from "../../lib/db/types";

const entry = (action: string) => ({ at: "2026-12-01T00:00:00Z", actor: "alice", action, target: "t", outcome: "success" as const, requestId: null, detail: null });
const request = (over: Partial<NewPassRoleRequest> = {}): NewPassRoleRequest => ({
  roleName: "eas-restricted",
  roleArn: "acs:ram::1:role/eas-restricted",
  ramUser: "bob",
  requesterId: "u-bob",
  requester: "bob",
  reason: "r",
  duration: "7d",
  policyName: "p",
  at: "2026-12-01T00:00:00Z",
  ...over,
});

describe("store transactions", () => {
  it("commit everything written through tx together, or nothing when the callback throws", async () => {
    const stores = sqliteStores(openDatabase(":memory:"));
    await stores.transaction(async (tx) => {
      await tx.audit.append(entry("one"));
      await tx.audit.append(entry("two"));
    });
    await expect(
      stores.transaction(async (tx) => {
        await tx.audit.append(entry("three"));
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect((await stores.audit.list({}, 0, 10)).entries.map((e) => e.action)).toEqual(["two", "one"]);
  });

  it("keep statements from outside out of an open transaction: they wait, and survive its rollback", async () => {
    const stores = sqliteStores(openDatabase(":memory:"));
    let inside!: () => void;
    const opened = new Promise<void>((r) => (inside = r));
    let finish!: () => void;
    const held = new Promise<void>((r) => (finish = r));
    const tx = stores.transaction(async (t) => {
      await t.audit.append(entry("inside"));
      inside();
      await held;
      throw new Error("roll back");
    });
    await opened;
    // Issued while the transaction is open: it must not become part of it.
    const outside = stores.audit.append(entry("outside"));
    await new Promise((r) => setTimeout(r, 20));
    finish();
    await expect(tx).rejects.toThrow("roll back");
    await outside;
    expect((await stores.audit.list({}, 0, 10)).entries.map((e) => e.action)).toEqual(["outside"]);
  });

  it("run one after another, each seeing the other's committed writes", async () => {
    const stores = sqliteStores(openDatabase(":memory:"));
    const created = await stores.passRoleRequests.create(request());
    const tries = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        stores.transaction(async (tx) => {
          const won = await tx.passRoleRequests.update(created.id, { states: ["pending"] }, { state: "approved", approver: `a${i}` }, "2026-12-01T00:00:01Z");
          if (won) await tx.audit.append(entry(`approved by a${i}`));
          return won !== null;
        }),
      ),
    );
    expect(tries.filter(Boolean)).toHaveLength(1);
    expect((await stores.passRoleRequests.find(created.id))).toMatchObject({ state: "approved", version: 2 });
    expect((await stores.audit.list({}, 0, 20)).total).toBe(1);
  });

  it("hold one open request per (RAM user, role) pair, enforced by the database", async () => {
    const stores = sqliteStores(openDatabase(":memory:"));
    const first = await stores.passRoleRequests.create(request());
    await expect(stores.passRoleRequests.create(request({ ramUser: "BOB", roleName: "EAS-RESTRICTED" }))).rejects.toBeInstanceOf(OpenRequestExistsError);
    await stores.passRoleRequests.create(request({ ramUser: "carol" }));
    await stores.passRoleRequests.update(first.id, { states: ["pending"] }, { state: "cancelled" }, "2026-12-01T00:00:02Z");
    await expect(stores.passRoleRequests.create(request())).resolves.toMatchObject({ state: "pending" });
  });

  it("apply a guarded update only where the lease is free or already the caller's", async () => {
    const stores = sqliteStores(openDatabase(":memory:"));
    const r = await stores.passRoleRequests.create(request());
    const lease = (owner: string, until: string) => ({ leaseOwner: owner, leaseUntil: until });
    expect(await stores.passRoleRequests.update(r.id, { states: ["pending"], lease: { owner: "a", now: "2026-12-01T00:00:00Z" } }, lease("a", "2026-12-01T00:05:00Z"), "t")).not.toBeNull();
    expect(await stores.passRoleRequests.update(r.id, { states: ["pending"], lease: { owner: "b", now: "2026-12-01T00:01:00Z" } }, lease("b", "x"), "t")).toBeNull();
    expect(await stores.passRoleRequests.update(r.id, { states: ["pending"], lease: { now: "2026-12-01T00:01:00Z" } }, lease("b", "x"), "t")).toBeNull();
    expect(await stores.passRoleRequests.update(r.id, { states: ["pending"], lease: { owner: "a", now: "2026-12-01T00:01:00Z" } }, {}, "t")).not.toBeNull();
    expect(await stores.passRoleRequests.update(r.id, { states: ["pending"], lease: { now: "2026-12-01T00:06:00Z" } }, lease("b", "y"), "t")).toMatchObject({ leaseOwner: "b" });
  });
});
