import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { control, ramClient } from "../support/cloud/clients";
import { CreateUserRequest } from "@alicloud/ram20150501";
import { inventoryRamDirectory, changeConsoleUser, createConsoleUser, listConsoleUsers } from "../../lib/auth/user-admin";
import { createCloud } from "../../lib/cloud/create-cloud";
import { parseEnv } from "../../lib/env";
import { createInventoryDeps } from "../../lib/inventory/deps";
import { signIn } from "../../lib/auth/sign-in";
import { resolveSession } from "../../lib/auth/session-core";
import { toConsoleUser } from "../../lib/auth/types";
import { newUserSchema, userChangeSchema } from "../../lib/auth/user-schemas";
import { harness, ramHolding } from "./harness";

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
    const r = await createConsoleUser(h.admin(), alice, input);
    expect(r).toMatchObject({ username: "dana", role: "engineer", ramUserName: "dana", disabled: false });
    expect((await signIn(h.deps, { username: "dana", password: "dana-initial-pass", address: "a" })).ok).toBe(true);
    const created = (await h.audit()).find((e) => e.action === "users.create");
    expect(created).toMatchObject({ actor: "alice", target: "dana", outcome: "success" });
    expect(JSON.stringify(await h.audit())).not.toContain("dana-initial-pass");
  });

  it("refuses a taken username, whatever its case", async () => {
    const { h, alice } = await setup();
    const input = newUserSchema.parse({ username: "bob", displayName: "B", role: "admin", password: "another-password" });
    await expect(createConsoleUser(h.admin(), alice, { ...input, username: "bob" })).rejects.toMatchObject({ code: "username_taken", status: 409, fields: { username: "is taken" } });
    await expect(h.stores.users.create({ username: "BOB", displayName: "x", role: "engineer", ramUserName: null, passwordHash: "h" })).rejects.toThrow(/taken/);
  });

  it("audits a role change and revokes the user's sessions so the new role applies at once", async () => {
    const { h, alice, bob } = await setup();
    const s = await signIn(h.deps, { username: "bob", password: "bob-password-1", address: "a" });
    if (!s.ok) throw new Error("expected success");
    const r = await changeConsoleUser(h.admin(), alice, bob.id, { role: "admin" });
    expect(r).toMatchObject({ role: "admin" });
    expect(await resolveSession(h.deps, s.sessionId)).toBeNull();
    expect((await h.audit())[0]).toMatchObject({ action: "users.role_change", actor: "alice", target: "bob", detail: { from: "engineer", to: "admin" } });
  });

  it("links and unlinks a RAM user, and disables and enables, one audit entry each", async () => {
    const { h, alice, bob } = await setup();
    await changeConsoleUser(h.admin(), alice, bob.id, { ramUserName: "bob" });
    await changeConsoleUser(h.admin(), alice, bob.id, { ramUserName: null, disabled: true });
    await changeConsoleUser(h.admin(), alice, bob.id, { disabled: false });
    const actions = (await h.audit()).filter((e) => e.actor === "alice").map((e) => e.action);
    expect(actions).toEqual(["users.enable", "users.ram_link", "users.disable", "users.ram_link"]);
    expect(await h.stores.users.findById(bob.id)).toMatchObject({ ramUserName: null, disabled: false });
  });

  it("never leaves the console without an enabled admin, and admins cannot lock themselves out", async () => {
    const { h, alice } = await setup();
    await expect(changeConsoleUser(h.admin(), alice, alice.id, { role: "engineer" })).rejects.toMatchObject({ code: "self_lockout" });
    await expect(changeConsoleUser(h.admin(), alice, alice.id, { disabled: true })).rejects.toMatchObject({ code: "self_lockout" });
    const other = toConsoleUser(await h.addUser("zed", "admin"));
    await changeConsoleUser(h.admin(), alice, other.id, { disabled: true });
    // zed is disabled; alice is now the only enabled admin, so nobody may demote her.
    const zedActor = { ...other };
    await expect(changeConsoleUser(h.admin(), zedActor, alice.id, { role: "engineer" })).rejects.toMatchObject({ code: "last_admin" });
    await expect(changeConsoleUser(h.admin(), alice, "missing", { disabled: true })).rejects.toMatchObject({ code: "not_found", status: 404 });
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

describe("RAM links, checked against the emulator's RAM", () => {
  let emulator: RunningEmulator;
  let base: string;
  const directory = () => {
    const cloud = createCloud(parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}` }));
    return inventoryRamDirectory(createInventoryDeps(cloud, { ttlMs: 60_000 }));
  };
  beforeAll(async () => {
    emulator = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} });
    base = `http://127.0.0.1:${emulator.port}`;
  });
  afterAll(() => emulator?.close());

  it("refuses a link to a RAM user the account does not hold, naming the field, and saves nothing", async () => {
    const { h, alice, bob } = await setup();
    const deps = h.admin(directory());
    await expect(changeConsoleUser(deps, alice, bob.id, { ramUserName: "nonexistent-ram-user" })).rejects.toMatchObject({
      code: "invalid_input",
      status: 400,
      fields: { ramUserName: "names no RAM user in this account" },
    });
    expect((await h.stores.users.findById(bob.id))?.ramUserName).toBeNull();
    const input = newUserSchema.parse({ username: "dana", displayName: "Dana", role: "engineer", ramUserName: "nonexistent-ram-user", password: "dana-initial-pass" });
    await expect(createConsoleUser(deps, alice, input)).rejects.toMatchObject({ fields: { ramUserName: "names no RAM user in this account" } });
    expect(await h.stores.users.findByUsername("dana")).toBeNull();
    expect((await h.audit()).filter((e) => e.action === "users.ram_link" || e.action === "users.create")).toEqual([]);

    // RAM's own users link, whatever their case.
    await changeConsoleUser(deps, alice, bob.id, { ramUserName: "Bob" });
    expect((await h.stores.users.findById(bob.id))?.ramUserName).toBe("Bob");
  });

  it("lists each link's state from one read of RAM's users, and sees a RAM user created since", async () => {
    const { h, alice, bob } = await setup();
    const ram = directory();
    const carol = await h.addUser("carol", "engineer");
    await h.stores.users.update(carol.id, { ramUserName: "gone-user" });
    const listed = await listConsoleUsers(h.admin(ram), alice);
    expect(listed.find((u) => u.id === carol.id)?.ramUserState).toBe("missing");
    expect(listed.find((u) => u.id === bob.id)?.ramUserState).toBeUndefined();

    // Created in RAM after the console read the list: the link is accepted, and now exists.
    await ramClient(emulator.port).createUser(new CreateUserRequest({ userName: "gone-user" }));
    await changeConsoleUser(h.admin(ram), alice, bob.id, { ramUserName: "gone-user" });
    const after = await listConsoleUsers(h.admin(ram), alice);
    expect(after.filter((u) => u.ramUserName === "gone-user").map((u) => u.ramUserState)).toEqual(["exists", "exists"]);
  });

  it("without RAM, the list still answers with the links unknown, and a link is not made", async () => {
    const { h, alice, bob } = await setup();
    await h.stores.users.update(bob.id, { ramUserName: "bob" });
    expect((await control(base, "PUT", "/_emulator/faults", { operation: "ListUsers", errorRate: 1, errorCode: "NoPermission", httpStatus: 403 })).status).toBe(200);
    try {
      const deps = h.admin(directory());
      expect((await listConsoleUsers(deps, alice)).find((u) => u.id === bob.id)?.ramUserState).toBe("unknown");
      await expect(changeConsoleUser(deps, alice, bob.id, { ramUserName: "carol" })).rejects.toMatchObject({ code: "NoPermission" });
      expect((await h.stores.users.findById(bob.id))?.ramUserName).toBe("bob");
    } finally {
      await control(base, "DELETE", "/_emulator/faults");
    }
  });
});

it("a RAM directory that holds a name answers whatever its case", async () => {
  expect(await ramHolding("Bob").has("bob")).toBe(true);
  expect(await ramHolding("bob").has("nonexistent-ram-user")).toBe(false);
});
