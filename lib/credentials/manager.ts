import "server-only";
import { CredentialsUnavailableError } from "./errors";
import { cleanError } from "./text";
import type { ChainEntry, CredentialSource, Fetched, SourceName } from "./types";

// Holds the console's credentials and decides when to fetch them again:
// - credentials with an expiry are refreshed in the background once half their life (at most
//   15 minutes before expiry) has passed; calls keep using the current ones meanwhile, so a
//   rotation never fails or delays a call;
// - the chain is walked once; the first link that gives credentials is kept (as the SDK does);
// - when that source fails, the last good credentials serve until just before they expire (5 s,
//   or a tenth of a short life), with retries spaced out; after that every call fails at once
//   with CredentialsUnavailableError naming the source, while a retry runs in the background;
// - credentials with no expiry (a long-term AccessKey, an SDK-managed profile) are asked for again
//   every `recheckMs`, which costs nothing for a key and lets a profile's own session rotate.

export interface Held extends Fetched {
  source: CredentialSource;
  fetchedAt: number;
}

export interface ManagerOptions {
  now?: () => number;
  /** First wait after a failed fetch; doubles per failure up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  recheckMs?: number;
  log?: (line: string) => void;
}

export interface ManagerState {
  source: SourceName | null;
  link: CredentialSource["link"] | null;
  location: string | null;
  accessKeyId: string | null;
  expiresAt: number | null;
  lastRefreshAt: number | null;
  lastError: { message: string; at: number } | null;
}

const MAX_STALE_WINDOW_MS = 15 * 60_000;

const lifetime = (h: Held) => (h.expiresAt ?? h.fetchedAt) - h.fetchedAt;
const marginMs = (h: Held) => Math.min(5_000, lifetime(h) / 10);

export class CredentialManager {
  private current?: Held;
  private sticky?: CredentialSource;
  private inflight?: Promise<Held>;
  private lastError?: { message: string; at: number };
  private lastRefreshAt?: number;
  private failures = 0;
  private nextAttemptAt = 0;
  private readonly now: () => number;

  constructor(
    /** The chain's links, read again on each walk until one gives credentials. */
    private readonly chain: () => ChainEntry[],
    private readonly opts: ManagerOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
  }

  /** Credentials to sign a call with now. Never waits longer than one fetch from the source. */
  async get(): Promise<Held> {
    const now = this.now();
    const cur = this.current;
    if (cur && this.usable(cur, now)) {
      if (now >= this.refreshAt(cur)) this.refreshInBackground(now);
      return cur;
    }
    if (this.lastError) {
      // Failing already: answer at once, and let a spaced-out retry find out when the source is back.
      this.refreshInBackground(now);
      throw this.unavailable();
    }
    return this.refresh();
  }

  /** Fetches now (one fetch at a time); rejects with CredentialsUnavailableError. */
  refresh(): Promise<Held> {
    this.inflight ??= this.fetchOnce().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  state(): ManagerState {
    const c = this.current;
    return {
      source: this.sticky?.source ?? null,
      link: this.sticky?.link ?? null,
      location: this.sticky?.location ?? null,
      accessKeyId: c?.accessKeyId ?? null,
      expiresAt: c?.expiresAt ?? null,
      lastRefreshAt: this.lastRefreshAt ?? null,
      lastError: this.lastError ?? null,
    };
  }

  private usable(h: Held, now: number): boolean {
    return h.expiresAt === undefined || now < h.expiresAt - marginMs(h);
  }

  private refreshAt(h: Held): number {
    if (h.expiresAt === undefined) return h.fetchedAt + (this.opts.recheckMs ?? 60_000);
    return h.expiresAt - Math.min(MAX_STALE_WINDOW_MS, lifetime(h) / 2);
  }

  private refreshInBackground(now: number): void {
    if (this.inflight || now < this.nextAttemptAt) return;
    this.refresh().catch(() => {});
  }

  private async fetchOnce(): Promise<Held> {
    try {
      const held = this.sticky ? await this.fetchFrom(this.sticky) : await this.walk();
      if (this.lastError || !this.current) this.opts.log?.(`RoleScope: cloud credentials from ${held.source.source} (${held.source.location})`);
      this.current = held;
      this.lastRefreshAt = held.fetchedAt;
      this.lastError = undefined;
      this.failures = 0;
      this.nextAttemptAt = 0;
      return held;
    } catch (err) {
      const now = this.now();
      const message = err instanceof WalkError ? err.message : `${this.sticky?.source ?? "the chain"}: ${cleanError(err)}`;
      if (!this.lastError) this.opts.log?.(`RoleScope: cloud credentials: ${message}`);
      this.lastError = { message, at: now };
      this.failures++;
      this.nextAttemptAt = now + this.backoff(now);
      throw this.unavailable();
    }
  }

  private backoff(now: number): number {
    const base = Math.min(this.opts.maxRetryMs ?? 15_000, (this.opts.retryMs ?? 1_000) * 2 ** (this.failures - 1));
    const expiresAt = this.current?.expiresAt;
    const left = expiresAt === undefined || expiresAt <= now ? Infinity : expiresAt - now;
    // Keep trying often enough that a source that comes back in time is found before expiry.
    return Math.max(100, Math.min(base, left / 4));
  }

  private async fetchFrom(source: CredentialSource): Promise<Held> {
    const f = await source.fetch();
    return { ...f, source, fetchedAt: this.now() };
  }

  private async walk(): Promise<Held> {
    const configured = this.chain().filter((e) => e.configured && e.create);
    if (configured.length === 0) throw new WalkError("no source of the credential chain is configured");
    const failures: string[] = [];
    for (const entry of configured) {
      const source = entry.create!();
      try {
        const held = await this.fetchFrom(source);
        this.sticky = source;
        return held;
      } catch (err) {
        failures.push(`${entry.link ?? entry.source}: ${cleanError(err)}`);
      }
    }
    throw new WalkError(`no source of the credential chain gave credentials (${failures.join("; ")})`);
  }

  private unavailable(): CredentialsUnavailableError {
    const why = this.lastError?.message ?? "no credentials yet";
    const cur = this.current;
    if (cur?.expiresAt !== undefined && this.sticky) {
      return new CredentialsUnavailableError(
        `The console's cloud credentials from ${this.sticky.source} expired at ${new Date(cur.expiresAt).toISOString()} and the source fails: ${why}`,
      );
    }
    return new CredentialsUnavailableError(`The console has no cloud credentials: ${why}`);
  }
}

class WalkError extends Error {}
