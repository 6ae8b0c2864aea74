import "server-only";
import { getEnv } from "../env";
import { AppError } from "../errors/app-error";

// Read-only mode (ROLESCOPE_READ_ONLY=true) in one place. The gateways built by createCloud are
// the enforcement: their write methods refuse before anything is sent. canWriteCloud
// (lib/auth/cloud-write.ts) is the question the UI asks before it renders a write control.
// assertCloudWritable is for the rest: write routes, plans and approvals refuse before they
// read input or start streaming, so the refusal is never the first thing a user learns.

/** Whether the console runs with ROLESCOPE_READ_ONLY=true. */
export function isReadOnly(): boolean {
  return getEnv().ROLESCOPE_READ_ONLY;
}

/** Answers `read_only` (403) when the console makes no changes in the cloud; `readOnly` defaults to the environment's. */
export function assertCloudWritable(readOnly: boolean = isReadOnly()): void {
  if (readOnly) throw new AppError("read_only", "RoleScope runs read-only (ROLESCOPE_READ_ONLY=true): it makes no changes in the cloud.");
}
