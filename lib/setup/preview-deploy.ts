import "server-only";
import type { Locale } from "@/i18n/config";
import { requirePermission, type Actor } from "../actor";
import type { InventoryDeps } from "../inventory/deps";
import type { PreflightAnswer } from "../preflight";
import { previewPlan, type PlanPreview } from "../writes/plan";
import { buildDeployPlan } from "./deploy-spec";
import type { DeployRequest } from "./input";

export interface DeployPreview {
  preview: PlanPreview;
  /** Preflight of the config: a deploy with an error finding is refused. */
  preflight: PreflightAnswer;
  existing: boolean;
}

/** The CreateService or UpdateService call a deploy would make, and preflight's findings; writes nothing. */
/** The findings are worded in `locale`, the reader's. */
export async function previewDeploy(deps: InventoryDeps, actor: Actor, req: DeployRequest, locale: Locale): Promise<DeployPreview> {
  requirePermission(actor, "wizard:generate");
  const { plan, preflight, existing } = await buildDeployPlan(deps, actor, req, locale);
  return { preview: previewPlan(plan), preflight, existing };
}
