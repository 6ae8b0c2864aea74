import "server-only";
import { getEnv } from "../env";
import { AppError } from "../errors/app-error";
import { actorCan, type Actor } from "./actor";

// The one question every write control asks before it is rendered, and the one check a write
// route or action makes before it reads its input. runPlan and the gateways refuse writes in
// read-only mode too; these keep the refusal from being the first thing a user learns.

/** Whether the console runs with ROLESCOPE_READ_ONLY=true. */
export function isReadOnly(): boolean {
  return getEnv().ROLESCOPE_READ_ONLY;
}

/**
 * For pages and server components: render a control that changes the cloud only when this is
 * true (the user's role holds `cloud:write` and the console is not read-only). Pass the result
 * to client components as a `canWrite` prop.
 */
export function canWriteCloud(user: Actor): boolean {
  return actorCan(user, "cloud:write") && !isReadOnly();
}

/** For route handlers and server actions that write to the cloud, after authorizeRequest: answers `read_only` (403). */
export function assertCloudWritable(): void {
  if (isReadOnly()) throw new AppError("read_only", "writes.readOnly");
}
