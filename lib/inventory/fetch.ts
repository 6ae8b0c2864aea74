import { parseArn } from "../policy";
import { CloudError, type AttachedPolicy, type EasService, type Policy, type PolicyType, type RamUser, type Role, type RoleSummary } from "../cloud/types";
import type { InventoryDeps } from "./deps";

// Cached, rate-limited reads that the loaders compose. Each key is one cloud fact, so that
// the services list, the roles list and a detail page share what they have already read.

export const EAS_PAGE_SIZE = 100;
const RAM_MAX_ITEMS = 1000;

function cached<T>(deps: InventoryDeps, key: string, load: () => Promise<T>): Promise<T> {
  return deps.cache.get(key, deps.ttlMs, load).then((c) => c.value);
}

const call = <T>(deps: InventoryDeps, fn: () => Promise<T>) => deps.limiter.run(fn);

async function followMarkers<T>(deps: InventoryDeps, list: (marker?: string) => Promise<{ items: T[]; marker?: string; isTruncated?: boolean }>) {
  const out: T[] = [];
  let marker: string | undefined;
  do {
    const page = await call(deps, () => list(marker));
    out.push(...page.items);
    marker = page.isTruncated ? page.marker : undefined;
  } while (marker);
  return out;
}

export function fetchRoles(deps: InventoryDeps): Promise<RoleSummary[]> {
  return cached(deps, "ram:roles", () => followMarkers(deps, (marker) => deps.cloud.ram.listRoles({ marker, maxItems: RAM_MAX_ITEMS })));
}

export function fetchUsers(deps: InventoryDeps): Promise<RamUser[]> {
  return cached(deps, "ram:users", () => followMarkers(deps, (marker) => deps.cloud.ram.listUsers({ marker, maxItems: RAM_MAX_ITEMS })));
}

/**
 * Every service of a region: page 1 gives TotalCount, then the other pages in parallel.
 * `onPage` sees each page as it arrives (only on a cache miss), so callers can start work early.
 */
export function fetchRegionServices(deps: InventoryDeps, region: string, onPage?: (items: EasService[]) => void): Promise<EasService[]> {
  return cached(deps, `eas:services:${region}`, async () => {
    const page = async (pageNumber: number) => {
      const p = await call(deps, () => deps.cloud.eas.listServices(region, { pageNumber, pageSize: EAS_PAGE_SIZE }));
      onPage?.(p.items);
      return p;
    };
    const first = await page(1);
    const pages = Math.ceil((first.totalCount ?? first.items.length) / EAS_PAGE_SIZE);
    const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page(i + 2)));
    return [first, ...rest].flatMap((p) => p.items);
  });
}

/** The role with its trust policy, or undefined when RAM says it does not exist. */
export function fetchRole(deps: InventoryDeps, roleName: string): Promise<Role | undefined> {
  return cached(deps, `ram:role:${roleName}`, async () => {
    try {
      return await call(deps, () => deps.cloud.ram.getRole(roleName));
    } catch (err) {
      if (err instanceof CloudError && err.code === "EntityNotExist.Role") return undefined;
      throw err;
    }
  });
}

export function fetchRolePolicies(deps: InventoryDeps, roleName: string): Promise<AttachedPolicy[]> {
  return cached(deps, `ram:role-policies:${roleName}`, () => call(deps, () => deps.cloud.ram.listPoliciesForRole(roleName)));
}

export function fetchUserPolicies(deps: InventoryDeps, userName: string): Promise<AttachedPolicy[]> {
  return cached(deps, `ram:user-policies:${userName}`, () => call(deps, () => deps.cloud.ram.listPoliciesForUser(userName)));
}

export function fetchPolicy(deps: InventoryDeps, policyName: string, policyType: PolicyType): Promise<Policy> {
  return cached(deps, `ram:policy:${policyType}:${policyName}`, () => call(deps, () => deps.cloud.ram.getPolicy(policyName, policyType)));
}

/** The account's id: from configuration, else from any role's ARN, else from the caller's identity. */
export async function fetchAccountId(deps: InventoryDeps, roles: RoleSummary[]): Promise<string> {
  const known = deps.cloud.describe().accountId ?? roles.map((r) => parseArn(r.arn)?.account).find(Boolean);
  if (known) return known;
  return cached(deps, "ram:account", async () => (await call(deps, () => deps.cloud.ram.getCallerIdentity())).accountId);
}

/** Drops everything read, so the next load is fresh (the "refresh" link). */
export function invalidateInventory(deps: InventoryDeps): void {
  deps.cache.invalidate("ram:");
  deps.cache.invalidate("eas:");
  deps.cache.invalidate("inv:");
}
