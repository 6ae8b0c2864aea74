import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { TtlCache } from "../../lib/async/ttl-cache";

// A long-running console reads ever new keys (services come and go, users page and filter).
// Simulated months of such reads on the cache's own clock: its entries stay at one TTL's worth
// and the process's resident memory stays flat once warm. RSS is printed at each checkpoint.

const READS = 300_000;
const TTL_MS = 60_000;
const STEP_MS = 1_000;
const VALUE = "x".repeat(2_048);
const MB = 1024 * 1024;

// A full collection before each reading, so RSS shows what is held rather than garbage not yet collected.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

describe("TtlCache memory", () => {
  it("keeps entries and RSS flat under a stream of distinct keys", async () => {
    let t = 0;
    const cache = new TtlCache(() => t);
    const rss: number[] = [];
    const sizes: number[] = [];
    for (let i = 0; i < READS; i++) {
      // A fresh string per entry, as a decoded cloud answer would be.
      await cache.get(`inv:service:cn-hangzhou/svc-${i}`, TTL_MS, async () => `${VALUE}${i}`, [`service:${i}`]);
      t += STEP_MS;
      if ((i + 1) % (READS / 10) === 0) {
        gc();
        rss.push(process.memoryUsage().rss);
        sizes.push(cache.size);
      }
    }
    console.log(`ttl-cache soak: entries ${sizes.join(" ")}; RSS MB ${rss.map((r) => Math.round(r / MB)).join(" ")}`);
    // One TTL's worth of keys, plus what came in since the last sweep.
    for (const s of sizes) expect(s).toBeLessThanOrEqual((TTL_MS + 30_000) / STEP_MS + 1);
    // Flat once warm: without eviction RSS grows by some 170 MB between these two checkpoints.
    expect(rss.at(-1)! - rss[1]).toBeLessThan(64 * MB);
  });
});
