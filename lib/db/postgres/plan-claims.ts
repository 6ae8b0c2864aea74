import "server-only";
import { POSTGRES } from "../dialect";
import { RELEASE_CLAIM, TAKE_CLAIM } from "../requests-sql";
import type { PlanClaimStore } from "../types";
import type { Queryable } from "./pool";

// The INSERT's conflict on the primary key is settled by the database: of replicas racing for
// one token, exactly one inserts (or takes over a claim that ran out); the others change no row.
export function postgresPlanClaimStore(db: Queryable): PlanClaimStore {
  return {
    async take(token, holder, now, until) {
      return ((await db.query(TAKE_CLAIM(POSTGRES.param), [token, holder, until, now])).rowCount ?? 0) === 1;
    },
    async release(token, holder) {
      await db.query(RELEASE_CLAIM(POSTGRES.param), [token, holder]);
    },
  };
}
