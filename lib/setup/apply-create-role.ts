import "server-only";
import { requirePermission, type Actor } from "../actor";
import type { InventoryDeps } from "../inventory/deps";
import type { WriteDeps } from "../writes/run-plan";
import { applyRun, type ApplyRun } from "./apply-plan";
import type { RoleRequest } from "./input";
import { buildRolePlan } from "./role-spec";

/**
 * Creates the previewed role (admins only): the plan is built again from the same input and must
 * match the confirmed preview's token; steps the account already holds are skipped on a retry.
 * Concurrent applies of one token: the first runs, the others get `conflict` and write nothing.
 */
export async function applyCreateRole(deps: InventoryDeps, writes: WriteDeps, actor: Actor, req: RoleRequest, token: string): Promise<ApplyRun> {
  requirePermission(actor, "cloud:write");
  return applyRun(writes, actor, token, async () => (await buildRolePlan(deps, req)).plan);
}
