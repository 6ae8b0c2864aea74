import { describe, expect, it } from "vitest";
import { hashSessionId } from "../../lib/auth/tokens";
import { LOGIN_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, signIn } from "../../lib/auth/sign-in";
import { endSession, resolveSession } from "../../lib/auth/session-core";
import { harness } from "./harness";

const attempt = (h: ReturnType<typeof harness>, username: string, password: string, address = "10.0.0.1", previousSessionId?: string) =>
  signIn(h.deps, { username, password, address, previousSessionId });

describe("sign-in", () => {
  it("issues a session whose id is stored only as a hash, and audits the login", async () => {
    const h = harness();
    await h.addUser("bob", "engineer");
    const r = await attempt(h, "bob", "bob-password-1");
    if (!r.ok) throw new Error("expected success");
    expect(r.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.user).toEqual({ id: expect.any(String), username: "bob", displayName: "BOB", role: "engineer" });
    expect(r.user).not.toHaveProperty("passwordHash");
    const stored = h.db.prepare("SELECT id_hash FROM sessions").pluck().all();
    expect(stored).toEqual([hashSessionId(r.sessionId)]);
    expect(JSON.stringify(h.db.prepare("SELECT * FROM sessions").all())).not.toContain(r.sessionId);
    expect(await resolveSession(h.deps, r.sessionId)).toMatchObject({ username: "bob" });
    expect((await h.audit())[0]).toMatchObject({ actor: "bob", action: "auth.login", outcome: "success" });
  });

  it("answers the same for an unknown name, a wrong password and a disabled account, and audits each failure", async () => {
    const h = harness();
    const carol = await h.addUser("carol", "engineer");
    await h.addUser("dave", "engineer");
    await h.stores.users.update(carol.id, { disabled: true });
    const results = [await attempt(h, "nobody", "x"), await attempt(h, "dave", "wrong"), await attempt(h, "carol", "carol-password-1")];
    expect(results).toEqual([{ ok: false, reason: "invalid" }, { ok: false, reason: "invalid" }, { ok: false, reason: "invalid" }]);
    const reasons = (await h.audit()).map((e) => [e.outcome, e.detail?.reason]);
    expect(reasons).toEqual([["failure", "disabled"], ["failure", "wrong_password"], ["failure", "unknown_user"]]);
    expect(JSON.stringify(await h.audit())).not.toContain("carol-password-1");
  });

  it("locks an account after repeated failures, even with the right password, until the window passes", async () => {
    const h = harness();
    await h.addUser("bob", "engineer");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect((await attempt(h, "BOB", "nope", `10.0.0.${i}`)).ok).toBe(false);
    expect(await attempt(h, "bob", "bob-password-1", "10.9.9.9")).toEqual({ ok: false, reason: "rate_limited" });
    h.advance(LOGIN_WINDOW_MS + 1);
    expect((await attempt(h, "bob", "bob-password-1")).ok).toBe(true);
  });

  it("limits one address across accounts, kept in the store", async () => {
    const h = harness();
    await h.addUser("bob", "engineer");
    const now = h.deps.now();
    await h.stores.loginFailures.record(Array.from({ length: MAX_FAILURES_PER_ADDRESS }, () => "address:10.6.6.6"), now - 1000);
    expect(await attempt(h, "bob", "bob-password-1", "10.6.6.6")).toEqual({ ok: false, reason: "rate_limited" });
    expect((await attempt(h, "bob", "bob-password-1", "10.7.7.7")).ok).toBe(true);
  });

  it("rotates the session id at sign-in: the previous id stops working", async () => {
    const h = harness();
    await h.addUser("bob", "engineer");
    const first = await attempt(h, "bob", "bob-password-1");
    if (!first.ok) throw new Error("expected success");
    const second = await attempt(h, "bob", "bob-password-1", "10.0.0.1", first.sessionId);
    if (!second.ok) throw new Error("expected success");
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(await resolveSession(h.deps, first.sessionId)).toBeNull();
    expect(await resolveSession(h.deps, second.sessionId)).not.toBeNull();
  });
});

describe("sessions", () => {
  async function signedIn() {
    const h = harness({ idleMs: 10 * 60_000, absoluteMs: 60 * 60_000 });
    const user = await h.addUser("bob", "engineer");
    const r = await attempt(h, "bob", "bob-password-1");
    if (!r.ok) throw new Error("expected success");
    return { h, user, id: r.sessionId };
  }

  it("slides with use and ends after the idle time", async () => {
    const { h, id } = await signedIn();
    for (let i = 0; i < 4; i++) {
      h.advance(9 * 60_000);
      expect(await resolveSession(h.deps, id)).not.toBeNull();
    }
    h.advance(10 * 60_000);
    expect(await resolveSession(h.deps, id)).toBeNull();
    expect(h.db.prepare("SELECT COUNT(*) FROM sessions").pluck().get()).toBe(0);
  });

  it("ends at the absolute limit however active", async () => {
    const { h, id } = await signedIn();
    for (let i = 0; i < 6; i++) {
      h.advance(9 * 60_000);
      expect(await resolveSession(h.deps, id)).not.toBeNull();
    }
    h.advance(7 * 60_000);
    expect(await resolveSession(h.deps, id)).toBeNull();
  });

  it("ends on sign-out and when the user is disabled", async () => {
    const { h, id, user } = await signedIn();
    await endSession(h.deps, id, await resolveSession(h.deps, id));
    expect(await resolveSession(h.deps, id)).toBeNull();
    expect((await h.audit())[0]).toMatchObject({ action: "auth.logout", actor: "bob" });

    const again = await attempt(h, "bob", "bob-password-1");
    if (!again.ok) throw new Error("expected success");
    await h.stores.users.update(user.id, { disabled: true });
    expect(await resolveSession(h.deps, again.sessionId)).toBeNull();
  });

  it("ignores unknown, empty and oversized ids", async () => {
    const { h } = await signedIn();
    expect(await resolveSession(h.deps, undefined)).toBeNull();
    expect(await resolveSession(h.deps, "not-a-session")).toBeNull();
    expect(await resolveSession(h.deps, "x".repeat(5000))).toBeNull();
  });
});
