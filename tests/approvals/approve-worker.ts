// A console replica in its own process, for the cross-process race: it opens the shared store
// file, waits for the agreed instant, approves the request `count` times at once and prints
// what each approval answered. Run with `tsx --conditions=react-server`.
import { createAuditLog } from "../../lib/audit/audit-log";
import { approveRequest } from "../../lib/approvals/approve-request";
import type { ConsoleUser } from "../../lib/auth/types";
import { openDatabase } from "../../lib/db/connection";
import { sqliteStores } from "../../lib/db/sqlite";
import { createInventoryDeps } from "../../lib/inventory/deps";
import { consoleCloud } from "./harness";

const [file, port, requestId, admins, count, at] = process.argv.slice(2);
const stores = sqliteStores(openDatabase(file));
const cloud = consoleCloud({ port: Number(port) } as Parameters<typeof consoleCloud>[0]);
const deps = {
  stores,
  inventory: createInventoryDeps(cloud, { ttlMs: 0 }),
  writes: { cloud, audit: createAuditLog(stores.audit), invalidate: () => {}, readOnly: false },
  publish: async () => {},
  now: () => new Date(),
  worker: `replica-${process.pid}`,
  leaseMs: 60_000,
};
const actors = JSON.parse(admins) as ConsoleUser[];

async function main() {
  // A replica that starts after the agreed instant did not race; the test refuses its answers.
  if (Date.now() > Number(at)) throw new Error("started too late to race");
  await new Promise((r) => setTimeout(r, Number(at) - Date.now()));
  const results = await Promise.allSettled(Array.from({ length: Number(count) }, (_, i) => approveRequest(deps, actors[i % actors.length], requestId, {})));
  const answers = results.map((r) => (r.status === "fulfilled" ? { ok: true, state: r.value.state } : { ok: false, code: (r.reason as { code?: string }).code, message: String((r.reason as Error).message) }));
  console.log(JSON.stringify(answers));
}

void main();
