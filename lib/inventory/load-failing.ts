import type { Actor } from "../actor";
import { groupFailing, type FleetCause } from "../diagnosis/fleet";
import type { InventoryDeps } from "./deps";
import { loadServices } from "./load-services";

/** The fleet view: every failing service of the regions, by cause and by what one fix acts on. */
export async function loadFailing(deps: InventoryDeps, actor: Actor, regions: string[]): Promise<{ causes: FleetCause[]; total: number; fetchedAt: number }> {
  const { rows, fetchedAt } = await loadServices(deps, actor, regions);
  const causes = groupFailing(rows);
  return { causes, total: causes.reduce((n, c) => n + c.count, 0), fetchedAt };
}
