import "server-only";
import type { Db } from "../connection";
import type { LoginFailureStore } from "../types";

// Failed sign-ins live in the store, not in memory, so every console replica sees the same counts.
export function sqliteLoginFailureStore(db: Db): LoginFailureStore {
  const insert = db.prepare("INSERT INTO login_failures (bucket, at) VALUES (?, ?)");
  return {
    async record(buckets, at) {
      db.transaction(() => buckets.forEach((b) => insert.run(b, at)))();
    },
    async count(bucket, since) {
      return db.prepare("SELECT COUNT(*) FROM login_failures WHERE bucket = ? AND at > ?").pluck().get(bucket, since) as number;
    },
    async clear(bucket) {
      db.prepare("DELETE FROM login_failures WHERE bucket = ?").run(bucket);
    },
    async prune(before) {
      db.prepare("DELETE FROM login_failures WHERE at <= ?").run(before);
    },
  };
}
