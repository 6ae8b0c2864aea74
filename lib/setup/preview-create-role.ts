import "server-only";
import { requirePermission, type Actor } from "../actor";
import type { InventoryDeps } from "../inventory/deps";
import { roleArn } from "../policy/arn";
import { previewPlan, type PlanPreview } from "../writes/plan";
import type { RoleRequest } from "./input";
import { buildRolePlan } from "./role-spec";

export interface RolePreview {
  preview: PlanPreview;
  roleArn: string;
}

/** Every cloud call that creating the role would make, with each document; writes nothing. */
export async function previewCreateRole(deps: InventoryDeps, actor: Actor, req: RoleRequest): Promise<RolePreview> {
  requirePermission(actor, "wizard:generate");
  const { accountId, plan } = await buildRolePlan(deps, req);
  return { preview: previewPlan(plan), roleArn: roleArn(accountId, req.roleName) };
}
