// Short-lived memo for cloud reads: a value is reused for `ttlMs`, concurrent callers of the
// same key share one in-flight call, and failures are never cached. Entries carry tags (the
// cloud objects they were read from), so a write drops exactly the entries it made stale.
// Expired entries are swept out as new ones come in (at most once per SWEEP_EVERY_MS of the
// cache's clock), so a console that runs for months holds what one TTL's worth of reads left.
export interface Cached<T> {
  value: T;
  fetchedAt: number;
}

/** How often, at most, an insertion also drops every expired entry. */
const SWEEP_EVERY_MS = 30_000;

interface Entry {
  at: number;
  /** The TTL the entry was loaded for: past it, no get can reuse it. */
  ttlMs: number;
  promise: Promise<Cached<unknown>>;
  tags: Set<string>;
}

export interface Invalidation {
  keys?: string[];
  prefixes?: string[];
  tags?: string[];
}

export type Tags<T> = readonly string[] | ((value: T) => readonly string[]);

export class TtlCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byTag = new Map<string, Set<string>>();
  private readonly listeners: ((inv: Invalidation) => void)[] = [];
  private lastSweep: number;
  constructor(private readonly now: () => number = Date.now) {
    this.lastSweep = now();
  }

  /** How many entries the cache holds (in flight, fresh or not yet swept). */
  get size(): number {
    return this.entries.size;
  }

  async get<T>(key: string, ttlMs: number, load: () => Promise<T>, tags: Tags<T> = []): Promise<Cached<T>> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < ttlMs) return hit.promise as Promise<Cached<T>>;
    const at = this.now();
    if (at - this.lastSweep >= SWEEP_EVERY_MS) this.sweep(at);
    const entry: Entry = { at, ttlMs, promise: undefined as unknown as Promise<Cached<unknown>>, tags: new Set() };
    const promise = load().then((value) => {
      // Tags known only from the value (the role a service names) are added once it is in.
      if (this.entries.get(key) === entry) this.tag(key, entry, typeof tags === "function" ? tags(value) : []);
      return { value, fetchedAt: at };
    });
    entry.promise = promise;
    this.drop(key);
    this.entries.set(key, entry);
    if (typeof tags !== "function") this.tag(key, entry, tags);
    promise.catch(() => {
      if (this.entries.get(key) === entry) this.drop(key);
    });
    return promise;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The tags an entry carries (the cloud objects its value was read from). */
  tagsOf(key: string): string[] {
    return [...(this.entries.get(key)?.tags ?? [])];
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** Drops the entries named by key, key prefix or tag. Listeners hear of it (other replicas). */
  invalidate(inv: Invalidation, opts: { broadcast?: boolean } = {}): number {
    const doomed = new Set<string>(inv.keys ?? []);
    for (const prefix of inv.prefixes ?? []) for (const k of this.entries.keys()) if (k.startsWith(prefix)) doomed.add(k);
    for (const tag of inv.tags ?? []) for (const k of this.byTag.get(tag) ?? []) doomed.add(k);
    let dropped = 0;
    for (const k of doomed) if (this.drop(k)) dropped++;
    if (opts.broadcast !== false) for (const l of this.listeners) l(inv);
    return dropped;
  }

  /** Called with every invalidation made here, e.g. to pass it on to other console replicas. */
  onInvalidate(listener: (inv: Invalidation) => void): void {
    this.listeners.push(listener);
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, entry] of this.entries) if (now - entry.at >= entry.ttlMs) this.drop(key);
  }

  private tag(key: string, entry: Entry, tags: readonly string[]): void {
    for (const t of tags) {
      entry.tags.add(t);
      let set = this.byTag.get(t);
      if (!set) this.byTag.set(t, (set = new Set()));
      set.add(key);
    }
  }

  private drop(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    for (const t of entry.tags) {
      const set = this.byTag.get(t);
      set?.delete(key);
      if (set?.size === 0) this.byTag.delete(t);
    }
    return true;
  }
}
