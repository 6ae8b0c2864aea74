import "server-only";
import type pg from "pg";
import type { Stores, TxStores } from "../types";
import { postgresAuditStore } from "./audit";
import { lockKey } from "./locks";
import { postgresLoginFailureStore } from "./login-failures";
import { migratePostgres } from "./migrate";
import { postgresNotificationStore } from "./notifications";
import { postgresPassRoleRequestStore } from "./passrole-requests";
import { postgresPlanClaimStore } from "./plan-claims";
import type { Queryable } from "./pool";
import { postgresSessionStore } from "./sessions";
import { postgresUserStore } from "./users";

/**
 * A pooled client for work that spans several statements. The pool watches only idle clients: a
 * checked-out one that loses its connection would otherwise throw its error at the process.
 * Its next statement fails instead, and the caller hears of it there.
 */
async function checkOut(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  const lost = (err: Error) => console.warn(`RoleScope: a PostgreSQL connection in use was lost (${err.message}).`);
  client.on("error", lost);
  const release = client.release.bind(client);
  client.release = (err?: Error | boolean) => {
    client.off("error", lost);
    release(err);
  };
  return client;
}

function storesOn(db: Queryable): TxStores {
  return {
    users: postgresUserStore(db),
    sessions: postgresSessionStore(db),
    loginFailures: postgresLoginFailureStore(db),
    audit: postgresAuditStore(db),
    passRoleRequests: postgresPassRoleRequestStore(db),
    notifications: postgresNotificationStore(db),
    planClaims: postgresPlanClaimStore(db),
  };
}

/**
 * The stores on a PostgreSQL pool. The schema is brought up to date first (once per process;
 * every statement waits for it). Outside a transaction each statement takes any pooled
 * connection; a transaction holds one connection from BEGIN to COMMIT, and its stores use it.
 */
export function postgresStores(pool: pg.Pool): Stores {
  const migrated = migratePostgres(pool).then(() => {});
  // Nobody may be left with an unhandled rejection: `ready()` and every statement report it.
  migrated.catch(() => {});
  const onPool: Queryable = { query: (text, values) => migrated.then(() => pool.query(text, values)) };

  const transaction: Stores["transaction"] = async (fn) => {
    await migrated;
    const client = await checkOut(pool);
    const tx: TxStores & { transaction: Stores["transaction"] } = { ...storesOn(client), transaction: (inner) => inner(tx) };
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const out = await fn(tx);
      await client.query("COMMIT");
      return out;
    } catch (err) {
      await client.query("ROLLBACK").catch((e: Error) => (broken = e));
      throw err;
    } finally {
      // A connection that could not even roll back is closed rather than handed to the next caller.
      client.release(broken);
    }
  };

  return {
    ...storesOn(onPool),
    transaction,
    async runExclusive(name, fn) {
      await migrated;
      // A session-level lock belongs to one connection: that connection is held for the whole job,
      // and when the process dies the server ends the session and frees the lock with it.
      const client = await checkOut(pool);
      const key = lockKey(name);
      let got: boolean;
      try {
        got = (await client.query<{ got: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS got", key)).rows[0].got;
      } catch (err) {
        client.release(err as Error);
        throw err;
      }
      if (!got) {
        client.release();
        return { ran: false };
      }
      try {
        return { ran: true, value: await fn() };
      } finally {
        await client.query("SELECT pg_advisory_unlock($1, $2)", key).then(
          () => client.release(),
          (err: Error) => client.release(err),
        );
      }
    },
    ready: () => migrated,
    close: () => pool.end(),
  };
}
