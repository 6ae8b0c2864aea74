import type { Cached, Tags, TtlCache } from "../async/ttl-cache";
import type { InventoryDeps } from "./deps";

// The last good value of each aggregate, kept past its TTL: a list or overview panel shows it at
// once (with its age) while a fresh read runs behind it, instead of making the reader wait for
// every call again. A write or a refresh drops them all, so what the console just changed is
// never answered from here; and nothing older than MAX_STALE_MS is shown.

export const MAX_STALE_MS = 5 * 60_000;

const stores = new WeakMap<TtlCache, Map<string, Cached<unknown>>>();

function storeOf(cache: TtlCache): Map<string, Cached<unknown>> {
  let store = stores.get(cache);
  if (!store) {
    const created = new Map<string, Cached<unknown>>();
    cache.onInvalidate(() => created.clear());
    stores.set(cache, (store = created));
  }
  return store;
}

/**
 * `deps.cache.get`, except that once the entry has expired the value last read is answered
 * straight away (its `fetchedAt` says how old it is) while the read it started goes on; the next
 * reader gets the fresh value. With nothing kept, or too old, it waits for the read as before.
 */
export async function staleWhileRevalidate<T>(deps: InventoryDeps, key: string, load: () => Promise<T>, tags: Tags<T>, ttlMs = deps.ttlMs, now: () => number = Date.now): Promise<Cached<T>> {
  const store = storeOf(deps.cache);
  const kept = store.get(key) as Cached<T> | undefined;
  const fresh = deps.cache.get(key, ttlMs, load, tags).then((c) => {
    // A slower read must not replace a newer one.
    const current = store.get(key);
    if (!current || current.fetchedAt <= c.fetchedAt) store.set(key, c);
    return c;
  });
  const age = kept ? now() - kept.fetchedAt : Infinity;
  if (kept && age >= ttlMs && age < MAX_STALE_MS) {
    // Its failure is the next reader's to see; this one has its answer.
    fresh.catch(() => undefined);
    return kept;
  }
  return fresh;
}
