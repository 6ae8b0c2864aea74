import "server-only";
import { requirePermission, type Actor } from "../actor";
import type { InventoryDeps } from "../inventory/deps";
import { fetchService } from "../inventory/fetch";
import { previewPlan, type WritePlan } from "../writes/plan";
import { whileClaimed } from "../writes/claim";
import { runPlan, type PlanOutcome, type WriteDeps } from "../writes/run-plan";
import { say } from "./catalog";

/**
 * RestartService (`PUT /api/v2/services/{ClusterId}/{ServiceName}/restart`): the documented way
 * to make the instances again from the config the service holds, which is what a fix in RAM
 * needs. UpdateServiceVersion switches to a given version (a rollback), and an UpdateService
 * with an empty body is described nowhere.
 */
function redeployPlan(region: string, name: string): WritePlan {
  return {
    action: "service.redeploy",
    target: `${region}/${name}`,
    title: say("watch.redeploy"),
    steps: [
      {
        id: "restart-service",
        operation: "RestartService",
        service: "EAS",
        target: `${region}/${name}`,
        params: { ClusterId: region, ServiceName: name },
        run: (c) => c.eas.restartService(region, name),
        changes: [{ kind: "service", region, name }],
      },
    ],
  };
}

/**
 * Redeploys a service (admins): the preview's token is the same for every redeploy of it, so none
 * is asked; it is claimed all the same, so redeploys asked at once deploy once (the others: `conflict`).
 */
export async function redeployService(deps: { inventory: InventoryDeps; writes: WriteDeps }, actor: Actor, region: string, name: string): Promise<PlanOutcome> {
  requirePermission(actor, "cloud:write");
  // Answers 404 for a service that does not exist, before any write.
  await fetchService(deps.inventory, region, name);
  const plan = redeployPlan(region, name);
  const token = previewPlan(plan).token;
  return whileClaimed(deps.writes, token, () => runPlan(deps.writes, actor, plan, { token }));
}
