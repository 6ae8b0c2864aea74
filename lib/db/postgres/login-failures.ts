import "server-only";
import type { LoginFailureStore } from "../types";
import type { Queryable } from "./pool";

// One count for every replica: a guesser spreading attempts over the replicas meets the same limit.
export function postgresLoginFailureStore(db: Queryable): LoginFailureStore {
  return {
    async record(buckets, at) {
      await db.query("INSERT INTO login_failures (bucket, at) SELECT unnest($1::text[]), $2", [buckets, at]);
    },
    async count(bucket, since) {
      return (await db.query<{ n: number }>("SELECT COUNT(*) AS n FROM login_failures WHERE bucket = $1 AND at > $2", [bucket, since])).rows[0].n;
    },
    async clear(bucket) {
      await db.query("DELETE FROM login_failures WHERE bucket = $1", [bucket]);
    },
    async prune(before) {
      await db.query("DELETE FROM login_failures WHERE at <= $1", [before]);
    },
  };
}
