import "server-only";
import { actorCan, type Actor } from "../actor";
import { getEnv } from "../env";
import { AppError } from "../errors/app-error";

// Read-only mode (ROLESCOPE_READ_ONLY=true) in one place. The gateways built by createCloud are
// the enforcement: their write methods refuse before anything is sent. canWriteCloud is the
// question the UI asks before it renders a write control.
// assertCloudWritable is for the rest: write routes, plans and approvals refuse before they
// read input or start streaming, so the refusal is never the first thing a user learns.

/** Whether the console runs with ROLESCOPE_READ_ONLY=true. */
export function isReadOnly(): boolean {
  return getEnv().ROLESCOPE_READ_ONLY;
}

/** Answers `read_only` (403) when the console makes no changes in the cloud; `readOnly` defaults to the environment's. */
export function assertCloudWritable(readOnly: boolean = isReadOnly()): void {
  if (readOnly) throw new AppError("read_only", "writes.readOnly");
}

/**
 * For pages and server components: render a control that changes the cloud only when this is
 * true (the user's role holds `cloud:write` and the console is not read-only). Pass the result
 * to client components as a `canWrite` prop.
 */
export function canWriteCloud(user: Actor): boolean {
  return actorCan(user, "cloud:write") && !isReadOnly();
}
