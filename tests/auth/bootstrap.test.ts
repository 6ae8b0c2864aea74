import { describe, expect, it } from "vitest";
import { bootstrapUsers } from "../../lib/auth/bootstrap";
import { listDemoAccounts, signIn } from "../../lib/auth/sign-in";
import { DEMO_USERS } from "../../lib/auth/demo-users";
import { harness } from "./harness";

describe("first start", () => {
  it("creates `admin` once, with a random password printed once", async () => {
    const h = harness();
    const lines: string[] = [];
    const first = await bootstrapUsers(h.stores, h.deps.audit, { demo: false, log: (l) => lines.push(l) });
    expect(first).toEqual({ createdAdmin: true, createdDemoUsers: [] });
    expect(lines).toHaveLength(1);
    const password = lines[0].split(": ").at(-1)!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect((await signIn(h.deps, { username: "admin", password, address: "a" })).ok).toBe(true);

    const again = await bootstrapUsers(h.stores, h.deps.audit, { demo: false, log: (l) => lines.push(l) });
    expect(again).toEqual({ createdAdmin: false, createdDemoUsers: [] });
    expect(lines).toHaveLength(1);
    expect(await h.stores.users.count()).toBe(1);
  });

  it("takes the password from the environment and does not print it", async () => {
    const h = harness();
    const lines: string[] = [];
    await bootstrapUsers(h.stores, h.deps.audit, { demo: false, adminPassword: "from-the-env-123", log: (l) => lines.push(l) });
    expect(lines.join("\n")).not.toContain("from-the-env-123");
    expect((await signIn(h.deps, { username: "admin", password: "from-the-env-123", address: "a" })).ok).toBe(true);
  });

  it("adds the demo users in demo mode, linked to RAM users, without resetting changed ones", async () => {
    const h = harness();
    await bootstrapUsers(h.stores, h.deps.audit, { demo: true, log: () => {} });
    for (const d of DEMO_USERS) {
      expect(await h.stores.users.findByUsername(d.username)).toMatchObject({ role: d.role, ramUserName: d.username });
      expect((await signIn(h.deps, { username: d.username, password: d.password, address: "a" })).ok).toBe(true);
    }
    const bob = (await h.stores.users.findByUsername("bob"))!;
    await h.stores.users.update(bob.id, { role: "admin" });
    const again = await bootstrapUsers(h.stores, h.deps.audit, { demo: true, log: () => {} });
    expect(again.createdDemoUsers).toEqual([]);
    expect((await h.stores.users.findByUsername("bob"))?.role).toBe("admin");
  });

  it("in demo mode creates only the demo users, with alice as their admin, and its log says so", async () => {
    const h = harness(undefined, true);
    const lines: string[] = [];
    const first = await bootstrapUsers(h.stores, h.deps.audit, { demo: true, log: (l) => lines.push(l) });
    expect(first).toEqual({ createdAdmin: false, createdDemoUsers: ["alice", "bob", "carol"] });
    expect(await h.stores.users.findByUsername("admin")).toBeNull();
    expect((await h.stores.users.list()).map((u) => [u.username, u.role])).toEqual([["alice", "admin"], ["bob", "engineer"], ["carol", "engineer"]]);
    expect(lines).toEqual(["RoleScope: demo mode: created the console users alice, bob, carol; the sign-in page lists them with their passwords."]);
    expect(lines.join("\n")).not.toContain("`admin`");
    // A second start finds them and writes nothing.
    await bootstrapUsers(h.stores, h.deps.audit, { demo: true, log: (l) => lines.push(l) });
    expect(lines).toHaveLength(1);
  });

  it("creates no demo users outside demo mode", async () => {
    const h = harness();
    await bootstrapUsers(h.stores, h.deps.audit, { demo: false, log: () => {} });
    expect(await h.stores.users.findByUsername("alice")).toBeNull();
  });
});

describe("the demo accounts the sign-in page offers", () => {
  it("leaves out a disabled demo user and shows each one's current role", async () => {
    const h = harness(undefined, true);
    await bootstrapUsers(h.stores, h.deps.audit, { demo: true, log: () => {} });
    expect((await listDemoAccounts(h.deps)).map((u) => u.username)).toEqual(["alice", "bob", "carol"]);
    const carol = (await h.stores.users.findByUsername("carol"))!;
    const bob = (await h.stores.users.findByUsername("bob"))!;
    await h.stores.users.update(carol.id, { disabled: true });
    await h.stores.users.update(bob.id, { role: "admin" });
    expect((await listDemoAccounts(h.deps)).map((u) => [u.username, u.role])).toEqual([["alice", "admin"], ["bob", "admin"]]);
    await h.stores.users.update(carol.id, { disabled: false });
    expect((await listDemoAccounts(h.deps)).map((u) => u.username)).toContain("carol");
  });
});
