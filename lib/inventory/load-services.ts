import { requirePermission, type Actor } from "../auth/actor";
import type { EasService } from "../cloud/types";
import { analyseService, type ServiceRoleUse } from "./analyse";
import { tags } from "./cache-tags";
import type { InventoryDeps } from "./deps";
import { fetchAccountId, fetchRole, fetchRoles } from "./fetch";
import { MISSING_ROLE, roleFacts, serviceRoleHealth, type RoleFacts } from "./role-health";
import { forEachServicePage } from "./service-pages";
import type { ServiceRow, ServiceWarning } from "./types";

// Statuses whose Reason/Message describe normal life, not something to look at.
const QUIET = new Set(["Running", "Stopped", "Completed"]);

export function latestWarning(s: Pick<EasService, "status" | "reason" | "message">): ServiceWarning | undefined {
  if (QUIET.has(s.status) || (!s.reason && !s.message)) return undefined;
  return { reason: s.reason, message: s.message };
}

/** One GetRole per distinct role name, started the first time a service names it. */
function roleFactsFetcher(deps: InventoryDeps, existing: Set<string>) {
  const facts = new Map<string, Promise<RoleFacts>>();
  return {
    want(name: string): void {
      if (facts.has(name)) return;
      const p = existing.has(name) ? fetchRole(deps, name).then((r) => (r.role ? roleFacts(r.role.assumeRolePolicyDocument) : MISSING_ROLE)) : Promise.resolve(MISSING_ROLE);
      p.catch(() => undefined);
      facts.set(name, p);
    },
    async all(): Promise<Map<string, RoleFacts>> {
      return new Map(await Promise.all([...facts].map(async ([k, v]): Promise<[string, RoleFacts]> => [k, await v])));
    },
  };
}

async function buildRows(deps: InventoryDeps, regions: string[]): Promise<ServiceRow[]> {
  const context = fetchRoles(deps).then(async (roles) => ({
    accountId: await fetchAccountId(deps, roles),
    roles: roleFactsFetcher(deps, new Set(roles.map((r) => r.roleName))),
  }));
  const uses = new Map<EasService, ServiceRoleUse>();
  const services = await forEachServicePage(deps, regions, async (items) => {
    const { accountId, roles } = await context;
    for (const s of items) {
      const use = analyseService(s.serviceConfig, accountId, s.region);
      uses.set(s, use);
      if (use.roleName) roles.want(use.roleName);
    }
  });
  const facts = await (await context).roles.all();
  return services.map((s) => {
    const use = uses.get(s)!;
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
export async function loadServices(deps: InventoryDeps, actor: Actor, regions: string[]): Promise<{ rows: ServiceRow[]; fetchedAt: number }> {
  requirePermission(actor, "inventory:read");
  const key = `inv:services:${[...regions].sort().join(",")}`;
  const { value, fetchedAt } = await deps.cache.get(key, deps.ttlMs, () => buildRows(deps, regions), [tags.ramAggregate, tags.easAggregate]);
  return { rows: value, fetchedAt };
}
