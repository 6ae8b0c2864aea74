import "server-only";
import { logUnexpected } from "../http/error-response";
import type { ApprovalDeps } from "./deps";
import { sweep } from "./sweep";

// Started once per console process from instrumentation: a round at start-up (reconciling what
// a stopped console left half-done), then one every minute. Rounds never overlap; a failed
// round (say, the cloud is unreachable) is logged and the next one tries again.

export const SWEEP_INTERVAL_MS = 60_000;
const KEY = Symbol.for("rolescope.approvals.jobs");

export function startApprovalJobs(deps: () => ApprovalDeps, intervalMs = SWEEP_INTERVAL_MS): void {
  const g = globalThis as { [KEY]?: boolean };
  if (g[KEY]) return;
  g[KEY] = true;
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      const s = await sweep(deps());
      const did = Object.entries(s).filter(([, n]) => n > 0);
      if (did.length) console.log(`RoleScope: PassRole sweep: ${did.map(([k, n]) => `${k} ${n}`).join(", ")}.`);
    } catch (err) {
      logUnexpected(err, "PassRole sweep");
    } finally {
      running = false;
    }
  };
  void round();
  setInterval(round, intervalMs).unref();
}
