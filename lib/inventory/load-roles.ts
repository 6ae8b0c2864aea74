import { parsePolicy, type NamedPolicy } from "../policy";
import type { AttachedPolicy, EasService, Policy } from "../cloud/types";
import { analyseService } from "./analyse";
import type { InventoryDeps } from "./deps";
import { fetchAccountId, fetchPolicy, fetchRegionServices, fetchRole, fetchRolePolicies, fetchRoles, fetchUserPolicies, fetchUsers } from "./fetch";
import { MISSING_ROLE, roleFacts } from "./role-health";
import { passersByRole, servicesByRole, type UserPolicies } from "./role-index";
import type { RoleRow } from "./types";

export function toNamedPolicy(policy: Policy): NamedPolicy | undefined {
  const parsed = parsePolicy(policy.policyDocument, { kind: "permission" });
  return parsed.ok ? { name: policy.policyName, type: policy.policyType, document: parsed.policy } : undefined;
}

/** The documents of attached policies: one GetPolicy per distinct policy, shared through the cache. */
export async function loadPolicyDocuments(deps: InventoryDeps, attached: AttachedPolicy[]): Promise<NamedPolicy[]> {
  const docs = await Promise.all(attached.map((p) => fetchPolicy(deps, p.policyName, p.policyType)));
  return docs.map(toNamedPolicy).filter((p): p is NamedPolicy => p !== undefined);
}

async function buildRoleRows(deps: InventoryDeps, regions: string[]): Promise<RoleRow[]> {
  // Each branch starts as soon as the list it depends on is in, so independent calls overlap.
  const rolesP = fetchRoles(deps);
  const accountP = rolesP.then((roles) => fetchAccountId(deps, roles));
  const roleOf = new Map<EasService, string | undefined>();
  // Service configs are read page by page while the per-role calls are in flight.
  const analyse = async (items: EasService[]) => {
    const accountId = await accountP;
    for (const s of items) if (!roleOf.has(s)) roleOf.set(s, analyseService(s.serviceConfig, accountId, s.region).roleName);
  };
  const pending: Promise<void>[] = [];
  const onPage = (items: EasService[]) => {
    const p = analyse(items);
    p.catch(() => undefined);
    pending.push(p);
  };
  const servicesP = Promise.all(regions.map((r) => fetchRegionServices(deps, r, onPage)));
  const detailsP = rolesP.then((roles) =>
    Promise.all(roles.map((r) => Promise.all([fetchRole(deps, r.roleName), fetchRolePolicies(deps, r.roleName)]))),
  );
  const usersP = fetchUsers(deps).then((users) =>
    Promise.all(
      users.map(async (u): Promise<UserPolicies> => ({
        userName: u.userName,
        policies: await loadPolicyDocuments(deps, await fetchUserPolicies(deps, u.userName)),
      })),
    ),
  );
  const [roles, services, details, users, accountId] = await Promise.all([rolesP, servicesP, detailsP, usersP, accountP]);
  await Promise.all(pending);
  const all = services.flat();
  await analyse(all);
  const usedBy = servicesByRole(all.map((s) => ({ region: s.region, name: s.serviceName, roleName: roleOf.get(s) })));
  const passers = passersByRole(roles.map((r) => ({ name: r.roleName, arn: r.arn })), users, accountId);

  return roles.map((r, i) => {
    const [role, attached] = details[i];
    const facts = role ? roleFacts(role.assumeRolePolicyDocument) : MISSING_ROLE;
    return {
      name: r.roleName,
      arn: r.arn,
      description: r.description ?? "",
      createDate: r.createDate,
      principals: facts.principals,
      easCanAssume: facts.easCanAssume,
      trustError: facts.trustError,
      policies: attached.map((p) => ({ name: p.policyName, type: p.policyType })),
      usedBy: usedBy.get(r.roleName) ?? [],
      passers: passers.get(r.roleName) ?? [],
    };
  });
}

/** Every RAM role with its trust, policies, the services that use it and who can pass it. */
export async function loadRoles(deps: InventoryDeps, regions: string[]): Promise<{ rows: RoleRow[]; fetchedAt: number }> {
  const key = `inv:roles:${[...regions].sort().join(",")}`;
  const { value, fetchedAt } = await deps.cache.get(key, deps.ttlMs, () => buildRoleRows(deps, regions));
  return { rows: value, fetchedAt };
}
