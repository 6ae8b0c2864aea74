import "server-only";
import type { Db } from "../connection";
import { SQLITE } from "../dialect";
import { RELEASE_CLAIM, TAKE_CLAIM } from "../requests-sql";
import type { PlanClaimStore } from "../types";

export function sqlitePlanClaimStore(db: Db): PlanClaimStore {
  return {
    async take(token, holder, now, until) {
      return db.prepare(TAKE_CLAIM(SQLITE.param)).run(token, holder, until, now).changes === 1;
    },
    async release(token, holder) {
      db.prepare(RELEASE_CLAIM(SQLITE.param)).run(token, holder);
    },
  };
}
