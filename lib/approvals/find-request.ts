import "server-only";
import type { PassRoleRequestRecord } from "../db/types";
import { AppError } from "../errors/app-error";
import type { ApprovalDeps } from "./deps";
import { requestIdSchema } from "./schemas";

/** The request, or `not_found` (also for an id that could not name one). */
export async function findRequest(deps: ApprovalDeps, id: string): Promise<PassRoleRequestRecord> {
  const found = requestIdSchema.safeParse(id).success ? await deps.stores.passRoleRequests.find(id) : null;
  if (!found) throw AppError.notFound("approvals.notFound", { id });
  return found;
}

export function requirePending(r: PassRoleRequestRecord, verb: string): void {
  if (r.state !== "pending") throw new AppError("conflict", "approvals.notPending", { values: { state: r.state, verb } });
}
