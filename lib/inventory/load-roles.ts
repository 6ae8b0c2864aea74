import { requirePermission, type Actor } from "../actor";
import type { EasService } from "../cloud/types";
import { analyseService } from "../readiness/use";
import { tags } from "./cache-tags";
import type { InventoryDeps } from "./deps";
import { fetchAccountId, fetchRole, fetchRolePolicies, fetchRoles } from "./fetch";
import { fetchAllUserPolicies } from "./principal-policies";
import { MISSING_ROLE, roleFacts } from "../readiness/trust";
import { passersByRole, servicesByRole } from "./role-index";
import { forEachServicePage } from "./service-pages";
import type { CloudErrorShape } from "../cloud/types";
import { CloudError } from "../cloud/types";
import type { RoleRow } from "./types";
import { staleWhileRevalidate } from "./stale-while-revalidate";

async function buildRoleRows(deps: InventoryDeps, regions: string[]): Promise<{ rows: RoleRow[]; usageError?: CloudErrorShape }> {
  // Each branch starts as soon as the list it depends on is in, so independent calls overlap.
  const rolesP = fetchRoles(deps);
  const accountP = rolesP.then((roles) => fetchAccountId(deps, roles));
  const roleOf = new Map<EasService, string | undefined>();
  // Service configs are read page by page while the per-role calls are in flight. Usage is
  // extra: when EAS cannot be read, the roles are still listed and usage is marked unavailable.
  const servicesP = forEachServicePage(deps, regions, async (items) => {
    const accountId = await accountP;
    for (const s of items) roleOf.set(s, analyseService(s.serviceConfig, accountId, s.region).roleName);
  }).then(
    (services): { services: EasService[]; error?: CloudErrorShape } => ({ services }),
    (err: unknown) => {
      if (err instanceof CloudError) return { services: [] as EasService[], error: err.toJSON() };
      throw err;
    },
  );
  const detailsP = rolesP.then((roles) => Promise.all(roles.map((r) => Promise.all([fetchRole(deps, r.roleName), fetchRolePolicies(deps, r.roleName)]))));
  const usersP = fetchAllUserPolicies(deps);
  const [roles, services, details, users, accountId] = await Promise.all([rolesP, servicesP, detailsP, usersP, accountP]);
  const usedBy = servicesByRole(services.services.map((s) => ({ region: s.region, name: s.serviceName, roleName: roleOf.get(s) })));
  const passers = passersByRole(roles.map((r) => ({ name: r.roleName, arn: r.arn })), users, accountId);

  const rows = roles.map((r, i): RoleRow => {
    const [lookup, attached] = details[i];
    const facts = lookup.role ? roleFacts(lookup.role.assumeRolePolicyDocument) : MISSING_ROLE;
    const p = passers.get(r.roleName);
    return {
      name: r.roleName,
      arn: r.arn,
      description: r.description ?? "",
      createDate: r.createDate,
      principals: facts.principals,
      easCanAssume: facts.easCanAssume,
      trustError: facts.trustError,
      policies: attached.map((a) => ({ name: a.policyName, type: a.policyType })),
      usedBy: usedBy.get(r.roleName) ?? [],
      passers: p?.names ?? [],
      passersVia: p?.via ?? {},
    };
  });
  return { rows, ...(services.error ? { usageError: services.error } : {}) };
}

/** Every RAM role with its trust, policies, the services that use it and who can pass it. */
export async function loadRoles(
  deps: InventoryDeps,
  actor: Actor,
  regions: string[],
): Promise<{ rows: RoleRow[]; fetchedAt: number; usageError?: CloudErrorShape }> {
  requirePermission(actor, "inventory:read");
  const key = `inv:roles:${[...regions].sort().join(",")}`;
  // A list without usage is shown but not kept: the next load tries EAS again.
  const ttl = deps.ttlMs;
  const { value, fetchedAt } = await staleWhileRevalidate(deps, key, () => buildRoleRows(deps, regions), [tags.ramAggregate, tags.easAggregate], ttl);
  if (value.usageError) deps.cache.invalidate({ keys: [key] }, { broadcast: false });
  return { ...value, fetchedAt };
}
