import { z } from "zod";
import type { Invalidation } from "../async/ttl-cache";

// What one replica tells the others after dropping cache entries: who it is (so it can ignore
// its own news) and the same keys, prefixes and tags it dropped by. PostgreSQL carries at most
// 8,000 bytes a notification, so a long list goes out in several.

const MAX_PAYLOAD_BYTES = 7_500;

const names = z.array(z.string().max(1_000)).max(5_000).optional();
const messageSchema = z.object({ from: z.string().min(1).max(200), keys: names, prefixes: names, tags: names });
export type CoherenceMessage = z.infer<typeof messageSchema>;

const size = (m: CoherenceMessage) => Buffer.byteLength(JSON.stringify(m));

export function encodeInvalidation(from: string, inv: Invalidation, max = MAX_PAYLOAD_BYTES): string[] {
  const out: CoherenceMessage[] = [];
  let current: CoherenceMessage = { from };
  for (const field of ["keys", "prefixes", "tags"] as const) {
    for (const name of inv[field] ?? []) {
      const next = { ...current, [field]: [...(current[field] ?? []), name] };
      if (size(next) > max && size(current) > size({ from })) {
        out.push(current);
        current = { from, [field]: [name] };
      } else {
        current = next;
      }
    }
  }
  if (size(current) > size({ from })) out.push(current);
  return out.map((m) => JSON.stringify(m));
}

/** null for anything that is not one of ours (another application may share the channel). */
export function decodeInvalidation(payload: string): CoherenceMessage | null {
  try {
    const parsed = messageSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
