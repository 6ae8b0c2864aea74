import { EnvError, getEnv } from "./lib/env";
import { EmulatorRegionsError, learnEmulatorRegions } from "./lib/emulator-ports";
import { installPeerStamp } from "./lib/http/peer-stamp";

// Before the first request is handled: sign-in limits and the audit log need the socket's address.
installPeerStamp();

// A bad setting stops start-up here, naming the variable and the rule.
try {
  getEnv();
} catch (err) {
  if (err instanceof EnvError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

// In emulator mode, every configured region must be one the emulator serves.
if (getEnv().ROLESCOPE_CLOUD === "emulator") {
  try {
    if (!(await learnEmulatorRegions(getEnv()))) console.warn(`RoleScope: the emulator at ${getEnv().EMULATOR_ENDPOINT} did not answer; EAS calls will fail until it runs.`);
  } catch (err) {
    if (err instanceof EmulatorRegionsError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

// The store's migrations run here (on PostgreSQL, once for every replica starting together), then
// the first admin (and the demo users in demo mode) are created.
try {
  await (await import("./lib/db")).getStores().ready();
} catch (err) {
  console.error(`RoleScope cannot start: the store is not reachable or its schema cannot be brought up to date: ${(err as Error).message}`);
  process.exit(1);
}
await (await import("./lib/auth/bootstrap")).prepareConsoleUsers();

// Replicas on one PostgreSQL: a cache entry a write drops here is dropped on the others too.
if ((await import("./lib/coherence")).startCacheCoherence()) console.log("RoleScope: PostgreSQL store; cache changes are shared with the other replicas.");

// PassRole grants: reconcile what a stopped console left half-done, then sweep expiries and send reminders every minute.
const { startApprovalJobs } = await import("./lib/approvals/sweep");
const { getApprovalDeps } = await import("./lib/approvals/server-deps");
startApprovalJobs(getApprovalDeps);

// The overview's unused access: the account-wide ActionTrail read runs on the console's own timer, never inside a page request.
const { startActivityScans } = await import("./lib/activity/load-unused-access");
const { DEFAULT_ACTIVITY_DAYS } = await import("./lib/activity/days");
const { getInventoryDeps } = await import("./lib/inventory/server-deps");
startActivityScans(getInventoryDeps, DEFAULT_ACTIVITY_DAYS);
