// Short-lived memo for cloud reads: a value is reused for `ttlMs`, concurrent callers of the
// same key share one in-flight call, and failures are never cached.
export interface Cached<T> {
  value: T;
  fetchedAt: number;
}

export class TtlCache {
  private readonly entries = new Map<string, { at: number; promise: Promise<Cached<unknown>> }>();
  constructor(private readonly now: () => number = Date.now) {}

  async get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<Cached<T>> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < ttlMs) return hit.promise as Promise<Cached<T>>;
    const at = this.now();
    const promise = load().then((value) => ({ value, fetchedAt: at }));
    this.entries.set(key, { at, promise });
    promise.catch(() => {
      if (this.entries.get(key)?.promise === promise) this.entries.delete(key);
    });
    return promise;
  }

  /** Drops every key starting with `prefix` (after a write, so the next read is fresh). */
  invalidate(prefix = ""): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}
