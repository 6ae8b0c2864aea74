import { requirePermission, type Actor } from "../actor";
import { CloudError } from "../cloud/types";
import type { InventoryDeps } from "../inventory/deps";
import { fetchDeployer } from "../inventory/facts";
import { fetchAccountId, fetchRegionServices, fetchService, fetchUsers } from "../inventory/fetch";

// "Pick an existing service" on the preflight page: the services to pick from, and a picked
// service's deployed config, region and deployer (its CallerUid as a RAM user name).

export interface ServiceSource {
  region: string;
  name: string;
  config: string;
  /** The RAM user who deployed it; "" when the account itself did. */
  deployer: string;
}

export async function listServiceRefs(deps: InventoryDeps, actor: Actor): Promise<{ region: string; name: string }[]> {
  requirePermission(actor, "inventory:read");
  const lists = await Promise.all(deps.cloud.eas.regions.map((r) => fetchRegionServices(deps, r).then((s) => s.map((x) => ({ region: r, name: x.serviceName })))));
  return lists.flat().sort((a, b) => a.name.localeCompare(b.name) || a.region.localeCompare(b.region));
}

/** The RAM users who might deploy: the deployer picker's choices (any other name is checked by preflight). */
export async function listDeployers(deps: InventoryDeps, actor: Actor): Promise<string[]> {
  requirePermission(actor, "inventory:read");
  return (await fetchUsers(deps)).map((u) => u.userName).sort((a, b) => a.localeCompare(b));
}

export async function loadServiceSource(deps: InventoryDeps, actor: Actor, region: string, name: string): Promise<ServiceSource | undefined> {
  requirePermission(actor, "inventory:read");
  if (!deps.cloud.eas.regions.includes(region)) return undefined;
  try {
    const [svc, accountId] = await Promise.all([fetchService(deps, region, name), fetchAccountId(deps)]);
    const deployer = await fetchDeployer(deps, svc.callerUid, accountId);
    let config = svc.serviceConfig;
    try {
      config = JSON.stringify(JSON.parse(config), null, 2);
    } catch {
      // An unreadable config is shown as deployed: preflight says what is wrong with it.
    }
    return { region, name, config, deployer: deployer.kind === "user" ? deployer.userName : "" };
  } catch (err) {
    if (err instanceof CloudError && err.httpStatus === 404) return undefined;
    throw err;
  }
}
