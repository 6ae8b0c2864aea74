import { requirePermission, type Actor } from "../auth/actor";
import type { EasEvent } from "../cloud/types";
import { analyseService, checkServiceNeeds, type NeedCheck, type ServiceRoleUse } from "./analyse";
import { tags } from "./cache-tags";
import type { InventoryDeps } from "./deps";
import { fetchAccountId, fetchPolicy, fetchService } from "./fetch";
import { fetchRoleFacts } from "./facts";
import { latestWarning } from "./load-services";
import { serviceRoleHealth } from "./role-health";
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
    callerUid: string;
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

async function build(deps: InventoryDeps, region: string, name: string): Promise<Omit<ServiceDetail, "fetchedAt">> {
  const [svc, accountId] = await Promise.all([fetchService(deps, region, name), fetchAccountId(deps)]);
  const use = analyseService(svc.serviceConfig, accountId, region);
  const facts = use.roleName ? await fetchRoleFacts(deps, use.roleName) : undefined;
  const role = facts?.role;
  const policies = await Promise.all((facts?.attached ?? []).map((p) => fetchPolicy(deps, p.policyName, p.policyType)));
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
      callerUid: svc.callerUid,
    },
    use,
    configJson: pretty(svc.serviceConfig),
    health: serviceRoleHealth(use, facts),
    role:
      use.roleName && facts
        ? {
            name: use.roleName,
            exists: facts.exists,
            arn: role?.arn,
            description: role?.description,
            principals: facts.principals,
            easCanAssume: facts.easCanAssume,
            trustError: facts.trustError,
            trustJson: role ? pretty(role.assumeRolePolicyDocument) : undefined,
          }
        : undefined,
    policies: policies.map((p) => ({ name: p.policyName, type: p.policyType, json: pretty(p.policyDocument) })),
    needs: checkServiceNeeds(use.needs, facts?.policies ?? []),
  };
}

export async function loadServiceDetail(deps: InventoryDeps, actor: Actor, region: string, name: string): Promise<ServiceDetail> {
  requirePermission(actor, "inventory:read");
  const { value, fetchedAt } = await deps.cache.get(`inv:service:${region}/${name}`, deps.ttlMs, () => build(deps, region, name), (d) => [
    tags.service(region, name),
    ...(d.role ? [tags.role(d.role.name)] : []),
    ...d.policies.map((p) => tags.policy(p.name)),
  ]);
  return { ...value, fetchedAt };
}

export interface EventsPage {
  items: EasEvent[];
  page: number;
  totalPages: number;
  total: number;
}

async function eventsApiPage(deps: InventoryDeps, region: string, name: string, apiPage: number, pageSize: number) {
  const { value } = await deps.cache.get(
    `eas:events:${region}/${name}/${pageSize}/${apiPage}`,
    deps.ttlMs,
    () => deps.limiter.run(() => deps.cloud.eas.describeServiceEvents(region, name, { pageNum: apiPage, pageSize })),
    [tags.service(region, name)],
  );
  return value;
}

/**
 * One page of the service's events, newest first. EAS returns them oldest first and has no sort
 * parameter, so UI page p reads API page (TotalPageNum - p + 1), reversed. TotalPageNum comes
 * from API page 1, which stays cached for the TTL (as does each page), so paging costs one call
 * per new page. The oldest-first API pages are full from the start, so the last API page (the
 * newest events, UI page 1) can be short: page 1 may show fewer than pageSize events.
 */
export async function loadServiceEvents(deps: InventoryDeps, actor: Actor, region: string, name: string, page: number, pageSize = 20): Promise<EventsPage> {
  requirePermission(actor, "inventory:read");
  const first = await eventsApiPage(deps, region, name, 1, pageSize);
  const totalPages = first.totalPageNum;
  const total = first.totalCount ?? first.items.length;
  const apiPage = totalPages - page + 1;
  if (apiPage < 1) return { items: [], page, totalPages, total };
  const value = apiPage === 1 ? first : await eventsApiPage(deps, region, name, apiPage, pageSize);
  return { items: [...value.items].reverse(), page, totalPages, total };
}
