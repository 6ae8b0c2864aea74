import type { EasService } from "../cloud/types";
import { analyseService } from "./analyse";
import type { InventoryDeps } from "./deps";
import { fetchAccountId, fetchRegionServices, fetchRole, fetchRoles } from "./fetch";
import { MISSING_ROLE, roleFacts, serviceRoleHealth, type RoleFacts } from "./role-health";
import type { ServiceRow, ServiceWarning } from "./types";

// Statuses whose Reason/Message describe normal life, not something to look at.
const QUIET = new Set(["Running", "Stopped", "Completed"]);

export function latestWarning(s: Pick<EasService, "status" | "reason" | "message">): ServiceWarning | undefined {
  if (QUIET.has(s.status) || (!s.reason && !s.message)) return undefined;
  return { reason: s.reason, message: s.message };
}

/** Facts for each distinct role name: one GetRole per role, whatever the number of services. */
export async function loadRoleFacts(deps: InventoryDeps, names: Iterable<string>, existing: Set<string>): Promise<Map<string, RoleFacts>> {
  const distinct = [...new Set(names)];
  const entries = await Promise.all(
    distinct.map(async (name): Promise<[string, RoleFacts]> => {
      if (!existing.has(name)) return [name, MISSING_ROLE];
      const role = await fetchRole(deps, name);
      return [name, role ? roleFacts(role.assumeRolePolicyDocument) : MISSING_ROLE];
    }),
  );
  return new Map(entries);
}

async function buildRows(deps: InventoryDeps, regions: string[]): Promise<ServiceRow[]> {
  const [roles, perRegion] = await Promise.all([fetchRoles(deps), Promise.all(regions.map((r) => fetchRegionServices(deps, r)))]);
  const accountId = await fetchAccountId(deps, roles);
  const services = perRegion.flat();
  const uses = services.map((s) => analyseService(s.serviceConfig, accountId, s.region));
  const existing = new Set(roles.map((r) => r.roleName));
  const facts = await loadRoleFacts(deps, uses.flatMap((u) => (u.roleName ? [u.roleName] : [])), existing);
  return services.map((s, i) => {
    const use = uses[i];
    return {
      region: s.region,
      name: s.serviceName,
      status: s.status,
      roleMode: use.roleMode,
      roleName: use.roleName,
      roleArn: use.roleArn,
      health: serviceRoleHealth(use, use.roleName ? facts.get(use.roleName) : undefined),
      warning: latestWarning(s),
      createTime: s.createTime,
      updateTime: s.updateTime,
    };
  });
}

/** Every service of the regions with its role and role health, cached as one aggregate. */
export async function loadServices(deps: InventoryDeps, regions: string[]): Promise<{ rows: ServiceRow[]; fetchedAt: number }> {
  const key = `inv:services:${[...regions].sort().join(",")}`;
  const { value, fetchedAt } = await deps.cache.get(key, deps.ttlMs, () => buildRows(deps, regions));
  return { rows: value, fetchedAt };
}
