import { describe, expect, it } from "vitest";
import { CredentialsUnavailableError } from "./errors";
import { CredentialManager } from "./manager";
import type { ChainEntry, CredentialSource, Fetched } from "./types";

// The refresh rules, on a clock the test moves and sources the test scripts.

const MIN = 60_000;

class Clock {
  t = Date.parse("2026-12-01T00:00:00Z");
  now = () => this.t;
  advance(ms: number) {
    this.t += ms;
  }
}

/** A source whose answers the test decides: a lifetime, a failure, or a fetch that never answers. */
class ScriptedSource implements CredentialSource {
  source = "credentials-uri" as const;
  link = "credentials-uri" as const;
  location = "http://127.0.0.1:1/credentials/r";
  providerName = "credential_uri";
  fetches = 0;
  mode: "ok" | "fail" | "hang" = "ok";
  pending: (() => void)[] = [];
  constructor(
    private readonly clock: Clock,
    public ttlMs: number | undefined,
  ) {}
  fetch(): Promise<Fetched> {
    this.fetches++;
    const n = this.fetches;
    if (this.mode === "fail") return Promise.reject(new Error(`get sts token failed, httpStatus: 500, message = {"AccessKeySecret":"leaked-${n}"}.`));
    const creds = { accessKeyId: `STS.KEY-${String(n).padStart(8, "0")}`, accessKeySecret: `secret-${n}`, securityToken: `token-${n}`, ...(this.ttlMs === undefined ? {} : { expiresAt: this.clock.t + this.ttlMs }) };
    if (this.mode === "hang") return new Promise((resolve) => this.pending.push(() => resolve(creds)));
    return Promise.resolve(creds);
  }
}

const entry = (s: CredentialSource, configured = true): ChainEntry => ({ link: s.link, source: s.source, configured, create: () => s });
const flush = () => new Promise((r) => setTimeout(r, 0));

/** `null`: credentials that never expire. */
function setup(ttlMs: number | null = 60 * MIN) {
  const clock = new Clock();
  const source = new ScriptedSource(clock, ttlMs ?? undefined);
  const manager = new CredentialManager(() => [entry(source)], { now: clock.now, retryMs: 1000, maxRetryMs: 15_000, recheckMs: MIN });
  return { clock, source, manager };
}

async function refusal(p: Promise<unknown>): Promise<CredentialsUnavailableError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CredentialsUnavailableError);
    return e as CredentialsUnavailableError;
  }
  throw new Error("expected CredentialsUnavailableError");
}

describe("CredentialManager", () => {
  it("fetches once, then serves from memory until 15 minutes before a 1-hour expiry", async () => {
    const { clock, source, manager } = setup(60 * MIN);
    const first = await manager.get();
    clock.advance(44 * MIN);
    expect((await manager.get()).accessKeyId).toBe(first.accessKeyId);
    expect(source.fetches).toBe(1);
    clock.advance(1 * MIN + 1);
    // Past the refresh point the current key still signs this call; the new one arrives in the background.
    expect((await manager.get()).accessKeyId).toBe(first.accessKeyId);
    await flush();
    expect(source.fetches).toBe(2);
    expect((await manager.get()).accessKeyId).toBe("STS.KEY-00000002");
  });

  it("refreshes short-lived credentials at half their life, and a call never waits on the rotation", async () => {
    const { clock, source, manager } = setup(20_000);
    await manager.get();
    source.mode = "hang";
    clock.advance(10_001);
    // The refresh hangs; calls keep being answered at once with the current key.
    for (let i = 0; i < 5; i++) expect((await manager.get()).accessKeyId).toBe("STS.KEY-00000001");
    expect(source.fetches).toBe(2);
    source.pending.shift()!();
    await flush();
    expect((await manager.get()).accessKeyId).toBe("STS.KEY-00000002");
    expect(manager.state().lastError).toBeNull();
  });

  it("keeps the last good credentials while the source fails, then fails fast naming the source, then recovers", async () => {
    const { clock, source, manager } = setup(20 * MIN);
    const good = await manager.get();
    source.mode = "fail";
    clock.advance(10 * MIN + 1);
    expect((await manager.get()).accessKeyId).toBe(good.accessKeyId);
    await flush();
    const failing = manager.state();
    expect(failing.lastError?.message).toContain("credentials-uri: get sts token failed, httpStatus: 500");
    // The endpoint's body named a secret: it is kept and shown blanked.
    expect(failing.lastError?.message).not.toContain("leaked");
    expect(failing.accessKeyId).toBe(good.accessKeyId);
    // Retries are spaced out, not one per call.
    const before = source.fetches;
    for (let i = 0; i < 20; i++) await manager.get();
    await flush();
    expect(source.fetches).toBe(before);

    clock.advance(10 * MIN);
    const err = await refusal(manager.get());
    expect(err.code).toBe("CredentialsUnavailable");
    expect(err.message).toMatch(/from credentials-uri expired at 2026-12-01T00:20:00\.000Z and the source fails: credentials-uri: get sts token failed/);
    expect(err.message).not.toContain("leaked");
    await flush();

    // A hanging source does not hold calls once credentials are gone: they fail at once.
    source.mode = "hang";
    clock.advance(20_000);
    const started = Date.now();
    await refusal(manager.get());
    expect(Date.now() - started).toBeLessThan(50);
    expect(source.pending.length).toBe(1);

    source.pending.shift()!();
    await flush();
    source.mode = "ok";
    expect((await manager.get()).accessKeyId).toMatch(/^STS\.KEY-/);
    expect(manager.state().lastError).toBeNull();
  });

  it("waits for the first fetch, and answers a failed first walk with every link's reason", async () => {
    const clock = new Clock();
    const uri = new ScriptedSource(clock, 60 * MIN);
    uri.mode = "fail";
    const file: CredentialSource = { source: "credentials-file", link: "credentials-file", location: "/etc/ram/credentials", providerName: "f", fetch: () => Promise.reject(new Error("cannot read /etc/ram/credentials: ENOENT")) };
    const unused: ChainEntry = { link: "environment", source: "environment", configured: false };
    const manager = new CredentialManager(() => [unused, entry(uri), entry(file)], { now: clock.now });
    const err = await refusal(manager.get());
    expect(err.message).toBe(
      'The console has no cloud credentials: no source of the credential chain gave credentials (credentials-uri: get sts token failed, httpStatus: 500, message = {"AccessKeySecret":"***"}.; credentials-file: cannot read /etc/ram/credentials: ENOENT)',
    );
    expect(manager.state().source).toBeNull();
  });

  it("keeps the first link that worked (sticky, as the SDK's chain) even when an earlier one appears later", async () => {
    const clock = new Clock();
    const later = new ScriptedSource(clock, 60 * MIN);
    const uri = new ScriptedSource(clock, 30 * MIN);
    let envConfigured = false;
    const manager = new CredentialManager(() => [{ ...entry(later), link: "environment", source: "environment", configured: envConfigured }, entry(uri)], { now: clock.now });
    await manager.get();
    envConfigured = true;
    clock.advance(29 * MIN);
    await manager.get();
    await flush();
    expect([later.fetches, uri.fetches]).toEqual([0, 2]);
    expect(manager.state().source).toBe("credentials-uri");
  });

  it("says when no link is configured", async () => {
    const manager = new CredentialManager(() => [{ link: "environment", source: "environment", configured: false }]);
    expect((await refusal(manager.get())).message).toContain("no source of the credential chain is configured");
  });

  it("asks a source without expiry again every recheck interval, and never fails a call because it cannot", async () => {
    const { clock, source, manager } = setup(null);
    await manager.get();
    clock.advance(MIN + 1);
    await manager.get();
    await flush();
    expect(source.fetches).toBe(2);
    source.mode = "fail";
    clock.advance(MIN + 1);
    expect((await manager.get()).accessKeyId).toBe("STS.KEY-00000002");
    await flush();
    expect(manager.state().lastError).not.toBeNull();
    clock.advance(24 * 60 * MIN);
    expect((await manager.get()).accessKeyId).toBe("STS.KEY-00000002");
  });

  it("shares one fetch among concurrent first calls", async () => {
    const { source, manager } = setup();
    const all = await Promise.all(Array.from({ length: 10 }, () => manager.get()));
    expect(new Set(all.map((h) => h.accessKeyId)).size).toBe(1);
    expect(source.fetches).toBe(1);
  });
});
