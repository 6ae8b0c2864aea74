import "server-only";
import type { Db } from "../connection";
import type { Stores, TxStores } from "../types";
import { sqliteAuditStore } from "./audit";
import { sqliteLoginFailureStore } from "./login-failures";
import { sqliteNotificationStore } from "./notifications";
import { sqlitePassRoleRequestStore } from "./passrole-requests";
import { sqlitePlanClaimStore } from "./plan-claims";
import { ConnectionGate, gated } from "./serialize";
import { sqliteSessionStore } from "./sessions";
import { sqliteUserStore } from "./users";

function rawStores(db: Db): TxStores {
  return {
    users: sqliteUserStore(db),
    sessions: sqliteSessionStore(db),
    loginFailures: sqliteLoginFailureStore(db),
    audit: sqliteAuditStore(db),
    passRoleRequests: sqlitePassRoleRequestStore(db),
    notifications: sqliteNotificationStore(db),
    planClaims: sqlitePlanClaimStore(db),
  };
}

// Inside a transaction the callback gets the raw stores (its statements are the transaction's);
// everyone else goes through the gate and waits for it to end.
export function sqliteStores(db: Db): Stores {
  const gate = new ConnectionGate(db);
  const raw = rawStores(db);
  const tx: TxStores & { transaction: Stores["transaction"] } = { ...raw, transaction: (fn) => fn(tx) };
  const outside = Object.fromEntries(Object.entries(raw).map(([k, store]) => [k, gated(store, gate)])) as unknown as TxStores;
  // An embedded store serves one console process: its locks need not reach further.
  const held = new Set<string>();
  return {
    ...outside,
    transaction: (fn) => gate.transaction(() => fn(tx)),
    async runExclusive(name, fn) {
      if (held.has(name)) return { ran: false };
      held.add(name);
      try {
        return { ran: true, value: await fn() };
      } finally {
        held.delete(name);
      }
    },
    // openDatabase ran the migrations already.
    ready: async () => {},
    close: async () => void db.close(),
  };
}
