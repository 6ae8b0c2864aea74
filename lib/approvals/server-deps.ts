import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { getStores } from "../db";
import { getEnv } from "../env";
import { getInventoryDeps } from "../inventory/server-deps";
import { processSingleton } from "../process-singleton";
import { getWriteDeps } from "../writes/server-deps";
import type { ApprovalDeps } from "./deps";
import { webhookPublisher } from "./publish";

// One name per console process, so the store can tell which replica holds which lease.
const worker = () => processSingleton("approvals.worker", () => `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`);

let publish: ApprovalDeps["publish"] | undefined;

/** The console's own workflow dependencies. */
export function getApprovalDeps(): ApprovalDeps {
  publish ??= webhookPublisher(getEnv().ROLESCOPE_WEBHOOK_URL, { locale: getEnv().ROLESCOPE_WEBHOOK_LOCALE });
  return {
    stores: getStores(),
    inventory: getInventoryDeps(),
    writes: getWriteDeps(),
    publish,
    now: () => new Date(),
    worker: worker(),
    leaseMs: getEnv().ROLESCOPE_LEASE_SECONDS * 1000,
  };
}
