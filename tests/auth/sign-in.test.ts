import { describe, expect, it } from "vitest";
import { hashSessionId, endSession, resolveSession } from "../../lib/auth/session-core";
import { signIn, ACCOUNT_DELAY_MAX_MS, ACCOUNT_FAILURES_BEFORE_DELAY, accountDelayMs, LOGIN_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT_ADDRESS, MAX_FAILURES_PER_ADDRESS } from "../../lib/auth/sign-in";
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

  it("stops one address guessing one account, and lets that address in again after the window", async () => {
    const h = harness();
    await h.addUser("bob", "engineer");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_ADDRESS; i++) expect(await attempt(h, "BOB", "nope", "10.6.6.6")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(h, "bob", "bob-password-1", "10.6.6.6")).toMatchObject({ ok: false, reason: "rate_limited", limit: "account_address", retryAfterSeconds: 900 });
    // The owner, elsewhere, is not held by what one other address did.
    expect((await attempt(h, "bob", "bob-password-1", "10.9.9.9")).ok).toBe(true);
    h.advance(LOGIN_WINDOW_MS + 1);
    expect((await attempt(h, "bob", "bob-password-1", "10.6.6.6")).ok).toBe(true);
  });

  it("does not let a flood from many addresses lock the owner out: the owner's address gets in at once", async () => {
    const h = harness();
    await h.addUser("bob", "engineer");
    expect((await attempt(h, "bob", "bob-password-1", "192.0.2.10")).ok).toBe(true);
    // 35 spoofed or real addresses, each a few wrong guesses, all within a minute.
    for (let i = 0; i < 35; i++) await attempt(h, "bob", "wrong", `198.51.100.${i}`);
    expect((await attempt(h, "bob", "bob-password-1", "192.0.2.10")).ok).toBe(true);
  });

  it("slows guesses at one account from everywhere with a delay that doubles, instead of a lock", async () => {
    const h = harness();
    await h.addUser("bob", "engineer");
    for (let i = 0; i < ACCOUNT_FAILURES_BEFORE_DELAY; i++) await attempt(h, "bob", "wrong", `198.51.100.${i}`);
    // The next guess from a new address must wait a second; then one guess goes through, and the wait doubles.
    expect(await attempt(h, "bob", "wrong", "198.51.100.200")).toMatchObject({ reason: "rate_limited", limit: "account", retryAfterSeconds: 1 });
    h.advance(1_001);
    expect(await attempt(h, "bob", "wrong", "198.51.100.201")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(h, "bob", "wrong", "198.51.100.202")).toMatchObject({ reason: "rate_limited", limit: "account", retryAfterSeconds: 2 });
    expect(accountDelayMs(ACCOUNT_FAILURES_BEFORE_DELAY + 2)).toBe(4_000);
    expect(accountDelayMs(ACCOUNT_FAILURES_BEFORE_DELAY + 40)).toBe(ACCOUNT_DELAY_MAX_MS);
    // The owner from a new address, with the right password, gets in once the wait has passed.
    h.advance(2_001);
    expect((await attempt(h, "bob", "bob-password-1", "203.0.113.50")).ok).toBe(true);
  });

  it("audits a flood once per burst, not once per refused try, with the limit and the address", async () => {
    const h = harness();
    await h.addUser("bob", "engineer");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_ADDRESS; i++) await attempt(h, "bob", "wrong", "10.6.6.6");
    for (let i = 0; i < 50; i++) await attempt(h, "bob", "wrong", "10.6.6.6");
    const denied = (await h.audit()).filter((e) => e.outcome === "denied");
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ actor: "bob", action: "auth.login", detail: { reason: "rate_limited", limit: "account_address", address: "10.6.6.6", failures: 5 } });
    expect((await h.audit()).filter((e) => e.outcome === "failure")).toHaveLength(MAX_FAILURES_PER_ACCOUNT_ADDRESS);
    // A new window, a new burst: audited again.
    h.advance(LOGIN_WINDOW_MS + 1);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_ADDRESS + 3; i++) await attempt(h, "bob", "wrong", "10.6.6.6");
    expect((await h.audit()).filter((e) => e.outcome === "denied")).toHaveLength(2);
  });

  it("limits one address across accounts, kept in the store", async () => {
    const h = harness();
    await h.addUser("bob", "engineer");
    const now = h.deps.now();
    await h.stores.loginFailures.record(Array.from({ length: MAX_FAILURES_PER_ADDRESS }, () => "address:10.6.6.6"), now - 1000);
    expect(await attempt(h, "bob", "bob-password-1", "10.6.6.6")).toMatchObject({ ok: false, reason: "rate_limited", limit: "address" });
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
