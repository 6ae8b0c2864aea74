import type { TtlCache } from "../async/ttl-cache";
import { decodeInvalidation, encodeInvalidation } from "./messages";

/** How replicas hear of each other: PostgreSQL's LISTEN/NOTIFY in the console (./pg-bus.ts). */
export interface Bus {
  publish(payload: string): Promise<void>;
  /** `resync` after the bus was cut off for a while: notifications may have been missed. */
  subscribe(handlers: { message(payload: string): void; resync(): void }): void;
  close(): Promise<void>;
}

const EVERYTHING = { prefixes: [""] };

/**
 * Ties a replica's cache to the others'. Every invalidation made here goes out (except those
 * marked `broadcast: false`, which concern this replica alone); every one heard from another
 * replica drops the same entries here, without going out again. After a gap in the bus the
 * whole cache is dropped: what changed meanwhile is unknown. When the bus is down, entries
 * still end with their TTL.
 */
export function syncCache(cache: TtlCache, bus: Bus, self: string, log: (line: string) => void = console.warn): void {
  cache.onInvalidate((inv) => {
    for (const payload of encodeInvalidation(self, inv)) {
      bus.publish(payload).catch((err: Error) => log(`RoleScope: could not tell the other replicas of a cache change (${err.message}); their entries end with the TTL.`));
    }
  });
  bus.subscribe({
    message(payload) {
      const m = decodeInvalidation(payload);
      if (!m || m.from === self) return;
      cache.invalidate({ keys: m.keys, prefixes: m.prefixes, tags: m.tags }, { broadcast: false });
    },
    resync: () => void cache.invalidate(EVERYTHING, { broadcast: false }),
  });
}
