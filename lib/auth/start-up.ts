import "server-only";
import { createAuditLog } from "../audit/audit-log";
import { getStores } from "../db";
import { EnvError, getEnv } from "../env";
import { bootstrapUsers } from "./bootstrap";

// Called once from instrumentation: opens the store (running migrations) and creates the first users.
export async function prepareConsoleUsers(): Promise<void> {
  const env = getEnv();
  const stores = getStores();
  try {
    await bootstrapUsers(stores, createAuditLog(stores.audit), {
      demo: env.demo,
      adminPassword: env.ROLESCOPE_ADMIN_PASSWORD,
      log: (line) => console.log(line),
    });
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
