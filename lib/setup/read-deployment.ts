import "server-only";
import { requirePermission, type Actor } from "../actor";
import type { EasEvent } from "../cloud/types";
import { tags } from "../inventory/cache-tags";
import type { InventoryDeps } from "../inventory/deps";
import { fetchService } from "../inventory/fetch";
import { loadServiceEvents } from "../inventory/load-service-detail";

export interface DeploymentState {
  status: string;
  reason: string;
  message: string;
  runningInstance: number;
  totalInstance: number;
  /** Running or Failed: following the deployment can stop. */
  settled: boolean;
  /** Newest first. */
  events: EasEvent[];
}

const SETTLED = new Set(["Running", "Failed", "Stopped"]);

/** A deployment being followed: the service and its newest events as the cloud has them now. */
export async function readDeployment(deps: InventoryDeps, actor: Actor, region: string, name: string): Promise<DeploymentState> {
  requirePermission(actor, "inventory:read");
  deps.cache.invalidate({ tags: [tags.service(region, name)] });
  const [svc, events] = await Promise.all([fetchService(deps, region, name), loadServiceEvents(deps, actor, region, name, 1, 20)]);
  return {
    status: svc.status,
    reason: svc.reason,
    message: svc.message,
    runningInstance: svc.runningInstance,
    totalInstance: svc.totalInstance,
    settled: SETTLED.has(svc.status),
    events: events.items,
  };
}
