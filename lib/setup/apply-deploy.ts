import "server-only";
import { requirePermission, type Actor } from "../actor";
import { AppError } from "../errors/app-error";
import type { InventoryDeps } from "../inventory/deps";
import { isReady } from "../preflight";
import type { WriteDeps } from "../writes/run-plan";
import { applyRun, type ApplyRun } from "./apply-plan";
import { buildDeployPlan } from "./deploy-spec";
import type { DeployRequest } from "./input";

/** Deploys the previewed config (admins only), unless preflight finds an error in it. */
export async function applyDeploy(deps: InventoryDeps, writes: WriteDeps, actor: Actor, req: DeployRequest, token: string): Promise<ApplyRun> {
  requirePermission(actor, "cloud:write");
  return applyRun(writes, actor, token, async () => {
    const { plan, preflight } = await buildDeployPlan(deps, actor, req);
    if (!isReady(preflight)) {
      const codes = [...new Set(preflight.findings.filter((f) => f.severity === "error").map((f) => f.code))];
      throw new AppError("preflight_failed", "writes.preflightFailed", { values: { codes: codes.join(", ") } });
    }
    return plan;
  });
}
