import "server-only";
import { logUnexpected } from "../http/error-response";
import { processSingleton } from "../process-singleton";
import type { ApprovalDeps } from "./deps";
import { sweep } from "./sweep";

// Started once per console process from instrumentation: a round at start-up (reconciling what
// a stopped console left half-done), then one every minute. Of several replicas on one
// PostgreSQL, one runs a given round (an advisory lock; the others skip it); a replica that dies
// mid-round frees the lock with its connection, and what it left is finished by the next round:
// every step of a request commits on its own, and work in flight is leased, so a round cut short
// leaves requests where the reconciliation picks them up. A failed round (say, the cloud is
// unreachable) is logged and the next one tries again.

const SWEEP_INTERVAL_MS = 60_000;
export const SWEEP_LOCK = "approvals-sweep";

/** One round, if no other replica is running one. */
export async function sweepRound(deps: ApprovalDeps): Promise<void> {
  const round = await deps.stores.runExclusive(SWEEP_LOCK, () => sweep(deps));
  if (!round.ran) return;
  const did = Object.entries(round.value).filter(([, n]) => n > 0);
  if (did.length) console.log(`RoleScope: PassRole sweep: ${did.map(([k, n]) => `${k} ${n}`).join(", ")}.`);
}

/** Starts the rounds once per process; later calls do nothing. */
export function startApprovalJobs(deps: () => ApprovalDeps, intervalMs = SWEEP_INTERVAL_MS): void {
  processSingleton("approvals.jobs", () => {
    const round = () => sweepRound(deps()).catch((err: unknown) => logUnexpected(err, "PassRole sweep"));
    void round();
    return setInterval(round, intervalMs).unref();
  });
}
