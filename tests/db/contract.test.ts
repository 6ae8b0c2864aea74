import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OpenRequestExistsError, UsernameTakenError, type NewPassRoleRequest, type Stores } from "../../lib/db/types";
import { MIGRATIONS } from "../../lib/db/migrations";
import { BACKENDS, type Backend, type Fresh } from "./backends";

// What every store promises (lib/db/types.ts), held against SQLite and a real PostgreSQL alike.

const entry = (action: string, over: Partial<{ at: string; actor: string; outcome: "success" | "failure" | "denied" }> = {}) => ({
  at: "2026-12-01T00:00:00Z",
  actor: "alice",
  action,
  target: "t",
  outcome: "success" as const,
  requestId: null,
  detail: null,
  ...over,
});

const request = (over: Partial<NewPassRoleRequest> = {}): NewPassRoleRequest => ({
  roleName: "eas-restricted",
  roleArn: "acs:ram::1:role/eas-restricted",
  ramUser: "bob",
  requesterId: "u-bob",
  requester: "bob",
  requestedForId: null,
  requestedFor: null,
  reason: "r",
  duration: "7d",
  policyName: "p",
  at: "2026-12-01T00:00:00Z",
  ...over,
});

const user = (username: string) => ({ username, displayName: username, role: "engineer" as const, ramUserName: null, passwordHash: "h" });

describe.each(BACKENDS.map((make) => [make().name, make] as const))("the %s store", (_name, make) => {
  const backend: Backend = make();
  let db: Fresh;
  let stores: Stores;

  beforeAll(() => backend.start(), 60_000);
  afterAll(() => backend.stop());
  beforeEach(async () => {
    db = await backend.fresh();
    stores = db.stores;
  });

  it("records each migration once, and a second start finds nothing to do", async () => {
    const versions = (await db.sql("SELECT version FROM schema_migrations ORDER BY version")) as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const again = db.replica();
    await again.ready();
    expect(await db.sql("SELECT COUNT(*) AS n FROM schema_migrations")).toEqual([{ n: MIGRATIONS.length }]);
  });

  it("keeps users with case-insensitive unique names", async () => {
    const bob = await stores.users.create(user("Bob"));
    await expect(stores.users.create(user("BOB"))).rejects.toBeInstanceOf(UsernameTakenError);
    expect((await stores.users.findByUsername("bob"))?.id).toBe(bob.id);
    await stores.users.create(user("alice"));
    expect((await stores.users.list()).map((u) => u.username)).toEqual(["alice", "Bob"]);
    expect(await stores.users.count()).toBe(2);
    const changed = await stores.users.update(bob.id, { disabled: true, role: "admin" });
    expect(changed).toMatchObject({ disabled: true, role: "admin", username: "Bob" });
    expect(await stores.users.update("nobody", { disabled: true })).toBeNull();
  });

  it("keeps the language a user chose, and none until they choose", async () => {
    const dana = await stores.users.create(user("dana"));
    expect(dana.locale).toBeNull();
    await stores.users.update(dana.id, { locale: "zh-CN" });
    expect((await db.replica().users.findByUsername("DANA"))?.locale).toBe("zh-CN");
  });

  it("keeps sessions: found by any process on the database, touched, revoked, pruned", async () => {
    const u = await stores.users.create(user("carol"));
    const big = 1_800_000_000_000;
    await stores.sessions.create({ idHash: "h1", userId: u.id, createdAt: big, lastSeenAt: big, expiresAt: big + 1000 });
    await stores.sessions.create({ idHash: "h2", userId: u.id, createdAt: big, lastSeenAt: big, expiresAt: big + 5000 });
    const other = db.replica();
    expect(await other.sessions.find("h1")).toEqual({ idHash: "h1", userId: u.id, createdAt: big, lastSeenAt: big, expiresAt: big + 1000 });
    await other.sessions.touch("h2", big + 10);
    expect((await stores.sessions.find("h2"))?.lastSeenAt).toBe(big + 10);
    expect(await stores.sessions.pruneExpired(big + 2000, 60_000)).toBe(1);
    await stores.sessions.revoke("h2");
    expect(await stores.sessions.find("h2")).toBeNull();
    await stores.sessions.create({ idHash: "h3", userId: u.id, createdAt: big, lastSeenAt: big, expiresAt: big + 5000 });
    expect(await stores.sessions.revokeAllFor(u.id)).toBe(1);
  });

  it("counts failed sign-ins per bucket and window, for every process alike", async () => {
    await stores.loginFailures.record(["a", "b"], 100);
    await db.replica().loginFailures.record(["a"], 200);
    expect(await stores.loginFailures.count("a", 0)).toBe(2);
    expect(await stores.loginFailures.count("a", 150)).toBe(1);
    await stores.loginFailures.prune(100);
    expect(await stores.loginFailures.count("a", 0)).toBe(1);
    await stores.loginFailures.clear("a");
    expect(await stores.loginFailures.count("a", 0)).toBe(0);
  });

  it("lists the audit log newest first, filtered and paged", async () => {
    await stores.audit.append(entry("auth.login", { at: "2026-12-01T00:00:01.000Z" }));
    await stores.audit.append(entry("auth.login", { at: "2026-12-01T00:00:02.000Z", outcome: "failure", actor: "bob" }));
    const last = await stores.audit.append({ ...entry("passrole.approved", { at: "2026-12-02T00:00:00.000Z" }), detail: { from: "pending" } });
    expect(last.id).toEqual(expect.any(Number));
    const all = await stores.audit.list({}, 0, 10);
    expect(all.total).toBe(3);
    expect(all.entries[0]).toEqual(last);
    expect((await stores.audit.list({ actor: "bob" }, 0, 10)).entries.map((e) => e.outcome)).toEqual(["failure"]);
    expect((await stores.audit.list({ from: "2026-12-01T00:00:02.000Z", to: "2026-12-01T23:59:59.999Z" }, 0, 10)).total).toBe(1);
    expect((await stores.audit.list({ beforeId: last.id }, 1, 1)).entries.map((e) => e.at)).toEqual(["2026-12-01T00:00:01.000Z"]);
    expect(await stores.audit.actions()).toEqual(["auth.login", "passrole.approved"]);
  });

  it("refuses to change or delete audit entries, even with raw SQL", async () => {
    await stores.audit.append(entry("x"));
    await expect(db.sql("UPDATE audit_log SET actor = 'mallory'")).rejects.toThrow(/append-only/);
    await expect(db.sql("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    if (backend.name === "postgres") await expect(db.sql("TRUNCATE audit_log")).rejects.toThrow(/append-only/);
    await expect(db.sql("INSERT INTO audit_log (at, actor, action, target, outcome) VALUES ('t', 'a', 'x', 't', 'maybe')")).rejects.toThrow(/check/i);
    expect((await stores.audit.list({}, 0, 10)).entries.map((e) => e.actor)).toEqual(["alice"]);
  });

  it("keeps notices per recipient, unread until marked", async () => {
    const r = await stores.passRoleRequests.create(request());
    await stores.notifications.add({ recipientId: "u-bob", requestId: r.id, event: "approved", at: "2026-12-01T00:00:01Z", detail: { actor: "alice" } });
    const second = await stores.notifications.add({ recipientId: "u-bob", requestId: r.id, event: "granted", at: "2026-12-01T00:00:02Z", detail: {} });
    expect((await stores.notifications.list("u-bob", { limit: 10 })).map((n) => n.id)).toEqual([second.id, second.id - 1]);
    expect(await stores.notifications.countUnread("u-bob")).toBe(2);
    expect(await stores.notifications.markRead("u-bob", "2026-12-01T00:01:00Z")).toBe(2);
    expect(await stores.notifications.list("u-bob", { limit: 10, unreadOnly: true })).toEqual([]);
    expect((await stores.notifications.list("u-bob", { limit: 1 }))[0]).toMatchObject({ event: "granted", readAt: "2026-12-01T00:01:00Z" });
  });

  it("commit everything written through tx together, or nothing when the callback throws", async () => {
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

  it("keep statements from outside out of an open transaction: they survive its rollback", async () => {
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

  it("let exactly one of 50 racing transactions move a request on", async () => {
    const created = await stores.passRoleRequests.create(request());
    // On PostgreSQL half of them come from a second pool, as from another replica. Two SQLite
    // connections in one process would only wait on each other; tests/approvals races processes.
    const other = backend.name === "postgres" ? db.replica() : stores;
    const tries = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? other : stores).transaction(async (tx) => {
          const won = await tx.passRoleRequests.update(created.id, { states: ["pending"] }, { state: "approved", approver: `a${i}` }, "2026-12-01T00:00:01Z");
          if (won) await tx.audit.append(entry(`approved by a${i}`));
          return won !== null;
        }),
      ),
    );
    expect(tries.filter(Boolean)).toHaveLength(1);
    expect(await stores.passRoleRequests.find(created.id)).toMatchObject({ state: "approved", version: 2 });
    expect((await stores.audit.list({}, 0, 100)).total).toBe(1);
  });

  it("hold one open request per (RAM user, role) pair, enforced by the database", async () => {
    const first = await stores.passRoleRequests.create(request());
    await expect(db.replica().passRoleRequests.create(request({ ramUser: "BOB", roleName: "EAS-RESTRICTED" }))).rejects.toBeInstanceOf(OpenRequestExistsError);
    await stores.passRoleRequests.create(request({ ramUser: "carol" }));
    await stores.passRoleRequests.update(first.id, { states: ["pending"] }, { state: "cancelled" }, "2026-12-01T00:00:02Z");
    await expect(stores.passRoleRequests.create(request())).resolves.toMatchObject({ state: "pending" });
  });

  it("apply a guarded update only where the lease is free or already the caller's", async () => {
    const r = await stores.passRoleRequests.create(request());
    const lease = (owner: string, until: string) => ({ leaseOwner: owner, leaseUntil: until });
    const up = stores.passRoleRequests.update;
    expect(await up(r.id, { states: ["pending"], lease: { owner: "a", now: "2026-12-01T00:00:00Z" } }, lease("a", "2026-12-01T00:05:00Z"), "t")).not.toBeNull();
    expect(await up(r.id, { states: ["pending"], lease: { owner: "b", now: "2026-12-01T00:01:00Z" } }, lease("b", "x"), "t")).toBeNull();
    expect(await up(r.id, { states: ["pending"], lease: { now: "2026-12-01T00:01:00Z" } }, lease("b", "x"), "t")).toBeNull();
    expect(await up(r.id, { states: ["pending"], lease: { owner: "a", now: "2026-12-01T00:01:00Z" } }, {}, "t")).not.toBeNull();
    expect(await up(r.id, { states: ["pending"], lease: { now: "2026-12-01T00:06:00Z" } }, lease("b", "y"), "t")).toMatchObject({ leaseOwner: "b" });
    expect(await up(r.id, { states: ["pending"], version: 99 }, { remindedAt: "z" }, "t")).toBeNull();
  });

  it("find requests by state, pair, expiry, reminder and lease, newest first", async () => {
    const old = await stores.passRoleRequests.create(request({ at: "2026-12-01T00:00:00.000Z" }));
    const other = await stores.passRoleRequests.create(request({ ramUser: "carol", requesterId: "u-carol", at: "2026-12-01T00:00:01.000Z" }));
    await stores.passRoleRequests.update(
      old.id,
      { states: ["pending"] },
      { state: "granted", grantedDuration: "7d", expiresAt: "2026-12-08T00:00:00.000Z", grantRequestIds: ["R1", "R2"], failure: { code: "c", message: "m" }, leaseOwner: "w", leaseUntil: "2026-12-01T00:05:00.000Z" },
      "2026-12-01T00:00:02.000Z",
    );
    expect((await stores.passRoleRequests.list({ limit: 10 })).requests.map((r) => r.id)).toEqual([other.id, old.id]);
    const granted = await stores.passRoleRequests.list({ states: ["granted"], expiresBy: "2026-12-08T00:00:00.000Z", notReminded: true, grantedDurations: ["7d"], limit: 10 });
    expect(granted).toMatchObject({ total: 1, requests: [{ id: old.id, grantRequestIds: ["R1", "R2"], failure: { code: "c", message: "m" }, version: 2 }] });
    expect((await stores.passRoleRequests.list({ states: ["granted"], expiresBy: "2026-12-07T23:59:59.999Z", limit: 10 })).total).toBe(0);
    expect((await stores.passRoleRequests.list({ pair: { ramUser: "CAROL", roleName: "Eas-Restricted" }, limit: 10 })).requests.map((r) => r.id)).toEqual([other.id]);
    expect((await stores.passRoleRequests.list({ requesterId: "u-bob", leaseFreeAt: "2026-12-01T00:01:00.000Z", limit: 10 })).total).toBe(0);
    expect((await stores.passRoleRequests.list({ requesterId: "u-bob", leaseFreeAt: "2026-12-01T00:05:00.000Z", limit: 10 })).total).toBe(1);
    expect((await stores.passRoleRequests.list({ removal: ["none"], limit: 1 })).total).toBe(2);
  });

  it("find the requests a console user filed, that were filed for them, or that grant their RAM user", async () => {
    const own = await stores.passRoleRequests.create(request({ ramUser: "bob", requesterId: "u-bob" }));
    const forCarol = await stores.passRoleRequests.create(request({ ramUser: "carol", requesterId: "u-admin", requestedForId: "u-carol", requestedFor: "carol" }));
    const carolsRam = await stores.passRoleRequests.create(request({ ramUser: "Carol", roleName: "other", requesterId: "u-admin" }));
    expect(await stores.passRoleRequests.find(forCarol.id)).toMatchObject({ requesterId: "u-admin", requestedForId: "u-carol", requestedFor: "carol" });
    const ids = async (involving: { userId: string; ramUser?: string }) => (await stores.passRoleRequests.list({ involving, limit: 10 })).requests.map((r) => r.id).sort();
    expect(await ids({ userId: "u-carol", ramUser: "CAROL" })).toEqual([forCarol.id, carolsRam.id].sort());
    expect(await ids({ userId: "u-carol" })).toEqual([forCarol.id]);
    expect(await ids({ userId: "u-bob", ramUser: "bob" })).toEqual([own.id]);
  });

  it("let exactly one of 50 racing replicas claim a plan token, until it is released or runs out", async () => {
    const replicas = Array.from({ length: 5 }, () => db.replica());
    const now = "2026-12-01T00:00:00.000Z";
    const until = "2026-12-01T00:10:00.000Z";
    const won = await Promise.all(Array.from({ length: 50 }, (_, i) => replicas[i % 5].planClaims.take("t1", `h${i}`, now, until)));
    expect(won.filter(Boolean)).toHaveLength(1);
    const holder = `h${won.indexOf(true)}`;
    expect(await stores.planClaims.take("t2", "other", now, until)).toBe(true);
    await stores.planClaims.release("t1", "not-the-holder");
    expect(await stores.planClaims.take("t1", "late", now, until)).toBe(false);
    expect(await stores.planClaims.take("t1", "after-expiry", until, "2026-12-01T00:20:00.000Z")).toBe(true);
    await stores.planClaims.release("t1", holder);
    expect(await stores.planClaims.take("t1", "late", now, until)).toBe(false);
    await stores.planClaims.release("t1", "after-expiry");
    expect(await stores.planClaims.take("t1", "late", now, until)).toBe(true);
  });

  it("run an exclusive job in one process at a time, and free the lock when it ends", async () => {
    let release: (() => void) | undefined;
    const running = stores.runExclusive("sweep", () => new Promise<string>((r) => (release = () => r("done"))));
    // The job runs only once the lock is held: wait for it to start, not for a fixed time.
    await expect.poll(() => release !== undefined).toBe(true);
    expect(await stores.runExclusive("sweep", async () => "twice")).toEqual({ ran: false });
    expect(await stores.runExclusive("another job", async () => 1)).toEqual({ ran: true, value: 1 });
    release!();
    expect(await running).toEqual({ ran: true, value: "done" });
    expect(await stores.runExclusive("sweep", async () => "again")).toEqual({ ran: true, value: "again" });
  });
});
