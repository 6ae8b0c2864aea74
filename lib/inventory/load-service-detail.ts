import type { EasEvent } from "../cloud/types";
import { analyseService, checkServiceNeeds, type NeedCheck, type ServiceRoleUse } from "./analyse";
import type { InventoryDeps } from "./deps";
import type { NamedPolicy } from "../policy";
import { fetchAccountId, fetchPolicy, fetchRole, fetchRolePolicies, fetchRoles } from "./fetch";
import { toNamedPolicy } from "./load-roles";
import { latestWarning } from "./load-services";
import { MISSING_ROLE, roleFacts, serviceRoleHealth } from "./role-health";
import type { RoleHealth, ServiceWarning, TrustPrincipalView } from "./types";

export interface ServiceDetail {
  service: {
    region: string;
    name: string;
    status: string;
    reason: string;
    message: string;
    warning?: ServiceWarning;
    createTime: string;
    updateTime: string;
    runningInstance: number;
    totalInstance: number;
  };
  use: ServiceRoleUse;
  /** The config pretty-printed, for display with the RAM fields marked. */
  configJson: string;
  health: RoleHealth;
  role?: {
    name: string;
    exists: boolean;
    arn?: string;
    description?: string;
    principals: TrustPrincipalView[];
    easCanAssume: boolean;
    trustError?: string;
    trustJson?: string;
  };
  policies: { name: string; type: "System" | "Custom"; json: string }[];
  needs: NeedCheck[];
  fetchedAt: number;
}

const pretty = (json: string) => {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
};

async function build(deps: InventoryDeps, region: string, name: string): Promise<ServiceDetail> {
  const [svc, roles] = await Promise.all([deps.limiter.run(() => deps.cloud.eas.describeService(region, name)), fetchRoles(deps)]);
  const accountId = await fetchAccountId(deps, roles);
  const use = analyseService(svc.serviceConfig, accountId, region);
  const exists = use.roleName !== undefined && roles.some((r) => r.roleName === use.roleName);
  const [role, attached] = exists && use.roleName
    ? await Promise.all([fetchRole(deps, use.roleName), fetchRolePolicies(deps, use.roleName)])
    : [undefined, []];
  const policies = await Promise.all(attached.map((p) => fetchPolicy(deps, p.policyName, p.policyType)));
  const docs = policies.map(toNamedPolicy).filter((d): d is NamedPolicy => d !== undefined);
  const facts = role ? roleFacts(role.assumeRolePolicyDocument) : MISSING_ROLE;
  return {
    service: {
      region: svc.region || region,
      name: svc.serviceName,
      status: svc.status,
      reason: svc.reason,
      message: svc.message,
      warning: latestWarning(svc),
      createTime: svc.createTime,
      updateTime: svc.updateTime,
      runningInstance: svc.runningInstance,
      totalInstance: svc.totalInstance,
    },
    use,
    configJson: pretty(svc.serviceConfig),
    health: serviceRoleHealth(use, use.roleName ? facts : undefined),
    role: use.roleName
      ? {
          name: use.roleName,
          exists: role !== undefined,
          arn: role?.arn,
          description: role?.description,
          principals: facts.principals,
          easCanAssume: facts.easCanAssume,
          trustError: facts.trustError,
          trustJson: role ? pretty(role.assumeRolePolicyDocument) : undefined,
        }
      : undefined,
    policies: policies.map((p) => ({ name: p.policyName, type: p.policyType, json: pretty(p.policyDocument) })),
    needs: checkServiceNeeds(use.needs, role ? docs : []),
    fetchedAt: Date.now(),
  };
}

export async function loadServiceDetail(deps: InventoryDeps, region: string, name: string): Promise<ServiceDetail> {
  const { value, fetchedAt } = await deps.cache.get(`inv:service:${region}/${name}`, deps.ttlMs, () => build(deps, region, name));
  return { ...value, fetchedAt };
}

export interface EventsPage {
  items: EasEvent[];
  page: number;
  totalPages: number;
  total: number;
}

async function eventsApiPage(deps: InventoryDeps, region: string, name: string, apiPage: number, pageSize: number) {
  const { value } = await deps.cache.get(`eas:events:${region}/${name}/${pageSize}/${apiPage}`, deps.ttlMs, () =>
    deps.limiter.run(() => deps.cloud.eas.describeServiceEvents(region, name, { pageNum: apiPage, pageSize })),
  );
  return value;
}

/**
 * One page of the service's events, newest first. EAS returns them oldest first and has no sort
 * parameter, so UI page p reads API page (TotalPageNum - p + 1), reversed. TotalPageNum comes
 * from API page 1, which stays cached for the TTL (as does each page), so paging costs one call
 * per new page. The oldest-first API pages are full from the start, so the last API page (the
 * newest events, UI page 1) can be short: page 1 may show fewer than pageSize events. Accepted:
 * it still holds the newest ones, which is what a user opening a failed service wants.
 */
export async function loadServiceEvents(deps: InventoryDeps, region: string, name: string, page: number, pageSize = 20): Promise<EventsPage> {
  const first = await eventsApiPage(deps, region, name, 1, pageSize);
  const totalPages = first.totalPageNum;
  const total = first.totalCount ?? first.items.length;
  const apiPage = totalPages - page + 1;
  if (apiPage < 1) return { items: [], page, totalPages, total };
  const value = apiPage === 1 ? first : await eventsApiPage(deps, region, name, apiPage, pageSize);
  return { items: [...value.items].reverse(), page, totalPages, total };
}
