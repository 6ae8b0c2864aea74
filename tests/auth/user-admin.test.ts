import { describe, expect, it } from "vitest";
import { signIn } from "../../lib/auth/sign-in";
import { resolveSession } from "../../lib/auth/session-core";
import { toConsoleUser } from "../../lib/auth/types";
import { changeConsoleUser, createConsoleUser } from "../../lib/auth/user-admin";
import { newUserSchema, userChangeSchema } from "../../lib/auth/user-schemas";
import { harness } from "./harness";

async function setup() {
  const h = harness();
  const alice = toConsoleUser(await h.addUser("alice", "admin"));
  const bob = await h.addUser("bob", "engineer");
  return { h, alice, bob };
}

describe("user management", () => {
  it("creates a user that can sign in, audited without the password", async () => {
    const { h, alice } = await setup();
    const input = newUserSchema.parse({ username: "dana", displayName: "Dana", role: "engineer", ramUserName: "dana", password: "dana-initial-pass" });
    const r = await createConsoleUser(h.deps, alice, input);
    expect(r).toMatchObject({ username: "dana", role: "engineer", ramUserName: "dana", disabled: false });
    expect((await signIn(h.deps, { username: "dana", password: "dana-initial-pass", address: "a" })).ok).toBe(true);
    const created = (await h.audit()).find((e) => e.action === "users.create");
    expect(created).toMatchObject({ actor: "alice", target: "dana", outcome: "success" });
    expect(JSON.stringify(await h.audit())).not.toContain("dana-initial-pass");
  });

  it("refuses a taken username, whatever its case", async () => {
    const { h, alice } = await setup();
    const input = newUserSchema.parse({ username: "bob", displayName: "B", role: "admin", password: "another-password" });
    await expect(createConsoleUser(h.deps, alice, { ...input, username: "bob" })).rejects.toMatchObject({ code: "username_taken", status: 409, fields: { username: "is taken" } });
    await expect(h.stores.users.create({ username: "BOB", displayName: "x", role: "engineer", ramUserName: null, passwordHash: "h" })).rejects.toThrow(/taken/);
  });

  it("audits a role change and revokes the user's sessions so the new role applies at once", async () => {
    const { h, alice, bob } = await setup();
    const s = await signIn(h.deps, { username: "bob", password: "bob-password-1", address: "a" });
    if (!s.ok) throw new Error("expected success");
    const r = await changeConsoleUser(h.deps, alice, bob.id, { role: "admin" });
    expect(r).toMatchObject({ role: "admin" });
    expect(await resolveSession(h.deps, s.sessionId)).toBeNull();
    expect((await h.audit())[0]).toMatchObject({ action: "users.role_change", actor: "alice", target: "bob", detail: { from: "engineer", to: "admin" } });
  });

  it("links and unlinks a RAM user, and disables and enables, one audit entry each", async () => {
    const { h, alice, bob } = await setup();
    await changeConsoleUser(h.deps, alice, bob.id, { ramUserName: "bob" });
    await changeConsoleUser(h.deps, alice, bob.id, { ramUserName: null, disabled: true });
    await changeConsoleUser(h.deps, alice, bob.id, { disabled: false });
    const actions = (await h.audit()).filter((e) => e.actor === "alice").map((e) => e.action);
    expect(actions).toEqual(["users.enable", "users.ram_link", "users.disable", "users.ram_link"]);
    expect(await h.stores.users.findById(bob.id)).toMatchObject({ ramUserName: null, disabled: false });
  });

  it("never leaves the console without an enabled admin, and admins cannot lock themselves out", async () => {
    const { h, alice } = await setup();
    await expect(changeConsoleUser(h.deps, alice, alice.id, { role: "engineer" })).rejects.toMatchObject({ code: "self_lockout" });
    await expect(changeConsoleUser(h.deps, alice, alice.id, { disabled: true })).rejects.toMatchObject({ code: "self_lockout" });
    const other = toConsoleUser(await h.addUser("zed", "admin"));
    await changeConsoleUser(h.deps, alice, other.id, { disabled: true });
    // zed is disabled; alice is now the only enabled admin, so nobody may demote her.
    const zedActor = { ...other };
    await expect(changeConsoleUser(h.deps, zedActor, alice.id, { role: "engineer" })).rejects.toMatchObject({ code: "last_admin" });
    await expect(changeConsoleUser(h.deps, alice, "missing", { disabled: true })).rejects.toMatchObject({ code: "not_found", status: 404 });
  });

  it("validates input and names the field", () => {
    const bad = newUserSchema.safeParse({ username: "Bad Name", displayName: "", role: "root", password: "short" });
    expect(bad.success).toBe(false);
    const fields = new Set(bad.error?.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["username", "displayName", "role", "password"]));
    expect(userChangeSchema.safeParse({}).success).toBe(false);
    expect(userChangeSchema.safeParse({ passwordHash: "x" }).success).toBe(false);
    expect(userChangeSchema.safeParse({ ramUserName: "bad name!" }).success).toBe(false);
  });
});
