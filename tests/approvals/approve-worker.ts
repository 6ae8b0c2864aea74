// A console replica in its own process, for the cross-process race: it opens the shared store
// file, says `ready`, waits for `go` on stdin (sent once every replica is ready), approves the
// request `count` times at once and prints what each approval answered. Run with
// `tsx --conditions=react-server`.
import { createAuditLog } from "../../lib/audit/audit-log";
import { approveRequest } from "../../lib/approvals/approve-request";
import type { ConsoleUser } from "../../lib/actor";
import { openDatabase } from "../../lib/db/connection";
import { sqliteStores } from "../../lib/db/sqlite";
import { createInventoryDeps } from "../../lib/inventory/deps";
import { consoleCloud } from "./harness";

const [file, port, requestId, admins, count] = process.argv.slice(2);
const stores = sqliteStores(openDatabase(file));
const cloud = consoleCloud({ port: Number(port) } as Parameters<typeof consoleCloud>[0]);
const deps = {
  stores,
  inventory: createInventoryDeps(cloud, { ttlMs: 0 }),
  writes: { cloud, audit: createAuditLog(stores.audit), invalidate: () => {}, readOnly: false, claims: stores.planClaims },
  publish: async () => {},
  now: () => new Date(),
  worker: `replica-${process.pid}`,
  leaseMs: 60_000,
};
const actors = JSON.parse(admins) as ConsoleUser[];

async function main() {
  // Every replica loaded and opened the store before any approves, however slow the machine is.
  const go = new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
  console.log("ready");
  await go;
  const results = await Promise.allSettled(Array.from({ length: Number(count) }, (_, i) => approveRequest(deps, actors[i % actors.length], requestId, {})));
  const answers = results.map((r) => (r.status === "fulfilled" ? { ok: true, state: r.value.state } : { ok: false, code: (r.reason as { code?: string }).code, message: String((r.reason as Error).message) }));
  console.log(JSON.stringify(answers));
  process.stdin.destroy();
}

void main();
