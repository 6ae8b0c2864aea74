import { parsePolicy, parseArn, roleKey, type NamedPolicy } from "../policy";
import { followMarkers } from "../cloud/paging";
import {
  CloudError,
  type AttachedPolicy,
  type CloudErrorShape,
  type EasService,
  type GroupMember,
  type Policy,
  type PolicyType,
  type RamGroup,
  type RamUser,
  type Role,
  type RoleSummary,
} from "../cloud/types";
import type { Tags, TtlCache } from "../async/ttl-cache";
import { tags } from "./cache-tags";
import type { InventoryDeps } from "./deps";

// Cached, rate-limited reads that the loaders compose: one fetcher per cloud read, each key one
// cloud fact, so the services list, the roles list and every detail page share what was read.

const EAS_PAGE_SIZE = 100;
const RAM_MAX_ITEMS = 1000;
/** ListGroups and ListUsersForGroup take at most 100 per page (RAM's limit for those two). */
const RAM_GROUP_MAX_ITEMS = 100;
/** System policies change only when Alibaba Cloud ships a new version: keep them longer. */
const SYSTEM_POLICY_TTL_MS = 10 * 60_000;

function cached<T>(deps: InventoryDeps, key: string, tagged: Tags<T>, load: () => Promise<T>, ttlMs = deps.ttlMs): Promise<T> {
  return deps.cache.get(key, ttlMs, load, tagged).then((c) => c.value);
}

const call = <T>(deps: InventoryDeps, fn: () => Promise<T>) => deps.limiter.run(fn);

export function fetchRoles(deps: InventoryDeps): Promise<RoleSummary[]> {
  return cached(deps, "ram:roles", [tags.roleList], () =>
    followMarkers((marker) => call(deps, () => deps.cloud.ram.listRoles({ marker, maxItems: RAM_MAX_ITEMS }))),
  );
}

export function fetchUsers(deps: InventoryDeps): Promise<RamUser[]> {
  return cached(deps, "ram:users", [tags.userList], () =>
    followMarkers((marker) => call(deps, () => deps.cloud.ram.listUsers({ marker, maxItems: RAM_MAX_ITEMS }))),
  );
}

export function fetchGroups(deps: InventoryDeps): Promise<RamGroup[]> {
  return cached(deps, "ram:groups", [tags.groupList], () =>
    followMarkers((marker) => call(deps, () => deps.cloud.ram.listGroups({ marker, maxItems: RAM_GROUP_MAX_ITEMS }))),
  );
}

export function fetchGroupMembers(deps: InventoryDeps, groupName: string): Promise<GroupMember[]> {
  return cached(deps, `ram:group-users:${groupName}`, [tags.group(groupName)], () =>
    followMarkers((marker) => call(deps, () => deps.cloud.ram.listUsersForGroup(groupName, { marker, maxItems: RAM_GROUP_MAX_ITEMS }))),
  );
}

export function fetchGroupPolicies(deps: InventoryDeps, groupName: string): Promise<AttachedPolicy[]> {
  return cached(deps, `ram:group-policies:${groupName}`, [tags.group(groupName)], () => call(deps, () => deps.cloud.ram.listPoliciesForGroup(groupName)));
}

// A region's list read while it is in flight, page by page: a second reader (the quick listing
// and the full services read start together) sees the pages already in and the ones to come,
// so the full read starts its per-role reads on page 1 instead of waiting for the last page.
interface PageStream {
  seen: EasService[][];
  listeners: Set<(items: EasService[]) => void>;
}
const pageStreams = new WeakMap<TtlCache, Map<string, PageStream>>();

/**
 * Every service of a region: page 1 gives TotalCount, then the other pages in parallel.
 * `onPage` sees each page as it arrives, also when this call joins a read already in flight;
 * a list answered from the cache calls it for nothing.
 */
export function fetchRegionServices(deps: InventoryDeps, region: string, onPage?: (items: EasService[]) => void): Promise<EasService[]> {
  const key = `eas:services:${region}`;
  let streams = pageStreams.get(deps.cache);
  if (!streams) pageStreams.set(deps.cache, (streams = new Map()));
  const open = streams;
  let mine = false;
  const read = cached(deps, key, [tags.serviceList], async () => {
    // Runs synchronously up to its first call, so the stream is open before `cached` returns.
    mine = true;
    const stream: PageStream = { seen: [], listeners: new Set(onPage ? [onPage] : []) };
    open.set(key, stream);
    const page = async (pageNumber: number) => {
      // Ahead of the role reads the earlier pages started: the rows (and every later read) wait on the pages.
      const p = await deps.limiter.run(() => deps.cloud.eas.listServices(region, { pageNumber, pageSize: EAS_PAGE_SIZE }), { first: true });
      stream.seen.push(p.items);
      for (const listener of stream.listeners) listener(p.items);
      return p;
    };
    try {
      const first = await page(1);
      const pages = Math.ceil((first.totalCount ?? first.items.length) / EAS_PAGE_SIZE);
      const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page(i + 2)));
      return [first, ...rest].flatMap((p) => p.items);
    } finally {
      if (open.get(key) === stream) open.delete(key);
    }
  });
  const joined = !mine && onPage ? open.get(key) : undefined;
  if (joined && onPage) {
    joined.seen.forEach(onPage);
    joined.listeners.add(onPage);
  }
  return read;
}

/** Statuses of a deployment still under way: what the cache holds of them may be stale in a second. */
const IN_FLIGHT = new Set(["Creating", "Updating", "Starting", "HotUpdate", "Stopping", "Deleting"]);

/**
 * A service, through the cache; but one caught in a deployment is read live every time until it
 * settles, and its settled state replaces the transitional one at once (the lists holding the
 * old state are dropped with it), so no diagnosis is made from a stale "Creating".
 */
export async function fetchService(deps: InventoryDeps, region: string, name: string): Promise<EasService> {
  const key = `eas:service:${region}/${name}`;
  const read = () => cached(deps, key, [tags.service(region, name)], () => call(deps, () => deps.cloud.eas.describeService(region, name)));
  const seen = await read();
  if (!IN_FLIGHT.has(seen.status)) return seen;
  deps.cache.invalidate({ keys: [key] }, { broadcast: false });
  const live = await read();
  if (!IN_FLIGHT.has(live.status)) deps.cache.invalidate({ tags: [tags.serviceList, tags.easAggregate] });
  return live;
}

/** A role, or RAM's own answer (code and RequestId) when it does not exist. */
export type RoleLookup = { role: Role; missing?: undefined } | { role?: undefined; missing: CloudErrorShape };

export function fetchRole(deps: InventoryDeps, roleName: string): Promise<RoleLookup> {
  return cached(deps, `ram:role:${roleKey(roleName)}`, [tags.role(roleName)], async (): Promise<RoleLookup> => {
    try {
      return { role: await call(deps, () => deps.cloud.ram.getRole(roleName)) };
    } catch (err) {
      if (err instanceof CloudError && err.code === "EntityNotExist.Role") return { missing: err.toJSON() };
      throw err;
    }
  });
}

export function fetchRolePolicies(deps: InventoryDeps, roleName: string): Promise<AttachedPolicy[]> {
  return cached(deps, `ram:role-policies:${roleKey(roleName)}`, [tags.role(roleName)], () => call(deps, () => deps.cloud.ram.listPoliciesForRole(roleName)));
}

export function fetchUserPolicies(deps: InventoryDeps, userName: string): Promise<AttachedPolicy[]> {
  return cached(deps, `ram:user-policies:${userName}`, [tags.user(userName)], () => call(deps, () => deps.cloud.ram.listPoliciesForUser(userName)));
}

export function fetchPolicy(deps: InventoryDeps, policyName: string, policyType: PolicyType): Promise<Policy> {
  const ttl = policyType === "System" ? Math.max(SYSTEM_POLICY_TTL_MS, deps.ttlMs) : deps.ttlMs;
  return cached(deps, `ram:policy:${policyType}:${policyName}`, [tags.policy(policyName)], () => call(deps, () => deps.cloud.ram.getPolicy(policyName, policyType)), ttl);
}

// Parsing is pure, so each fetched Policy object is parsed once, however many readers it has.
const parsedDocs = new WeakMap<Policy, NamedPolicy | null>();

/** A policy's document as lib/policy reads it; undefined when RAM holds a document it cannot parse. */
export function namedPolicy(policy: Policy): NamedPolicy | undefined {
  let named = parsedDocs.get(policy);
  if (named === undefined) {
    const parsed = parsePolicy(policy.policyDocument, { kind: "permission" });
    named = parsed.ok ? { name: policy.policyName, type: policy.policyType, document: parsed.policy } : null;
    parsedDocs.set(policy, named);
  }
  return named ?? undefined;
}

/** The documents of attached policies: one GetPolicy per distinct policy, shared through the cache. */
export async function fetchPolicyDocuments(deps: InventoryDeps, attached: AttachedPolicy[]): Promise<NamedPolicy[]> {
  const docs = await Promise.all(attached.map((p) => fetchPolicy(deps, p.policyName, p.policyType)));
  return docs.map(namedPolicy).filter((p): p is NamedPolicy => p !== undefined);
}

/** The account's id: from any role's ARN, else from the caller's identity. */
export async function fetchAccountId(deps: InventoryDeps, roles?: RoleSummary[]): Promise<string> {
  const known = (roles ?? (await fetchRoles(deps))).map((r) => parseArn(r.arn)?.account).find(Boolean);
  if (known) return known;
  return cached(deps, "ram:account", [], async () => (await call(deps, () => deps.cloud.ram.getCallerIdentity())).accountId);
}
