import { TtlCache } from "../async/ttl-cache";
import { DEFAULT_CLOUD_CONCURRENCY, Limiter } from "../async/pool";
import type { Cloud } from "../cloud/types";

/** What the loaders need: the cloud, one limiter for every fan-out call, one cache. */
export interface InventoryDeps {
  cloud: Cloud;
  limiter: Limiter;
  cache: TtlCache;
  ttlMs: number;
}

export function createInventoryDeps(cloud: Cloud, opts?: { concurrency?: number; ttlMs?: number; cache?: TtlCache }): InventoryDeps {
  return {
    cloud,
    limiter: new Limiter(opts?.concurrency ?? DEFAULT_CLOUD_CONCURRENCY),
    cache: opts?.cache ?? new TtlCache(),
    ttlMs: opts?.ttlMs ?? 15_000,
  };
}
