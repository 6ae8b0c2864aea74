import "server-only";
import type { Stores } from "../db/types";
import type { InventoryDeps } from "../inventory/deps";
import type { WriteDeps } from "../writes/run-plan";
import type { ApprovalMessage } from "./publish";

/** What the workflow needs. The console builds one (server-deps.ts); tests build their own. */
export interface ApprovalDeps {
  stores: Stores;
  /** Cached reads, for what requests and reviews show. */
  inventory: InventoryDeps;
  /** Writes (and the fresh reads that plan them) go here, through runPlan. */
  writes: WriteDeps;
  /** Posts each event after it commits (the webhook); never throws. */
  publish(message: ApprovalMessage): Promise<void>;
  now(): Date;
  /** This console process, as the holder of work leases on requests. */
  worker: string;
  /** How long a process may work on a request before another may take it over. */
  leaseMs: number;
}

