import { requirePermission, type Actor } from "../actor";
import type { EasEvent } from "../cloud/types";
import { diagnose } from "../diagnosis/diagnose";
import { FactSource } from "./gather/fact-source";
import { gatherServiceFacts, serviceEvent } from "./gather/service-facts";
import { serviceHealth } from "../diagnosis/health";
import { checkServiceNeeds, type NeedCheck, type ServiceRoleUse } from "../readiness/use";
import { tags } from "./cache-tags";
import type { InventoryDeps } from "./deps";
import { fetchPolicy, fetchService } from "./fetch";
import { latestWarning } from "./load-services";
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
  const svc = await fetchService(deps, region, name);
  const all = await gatherServiceFacts(new FactSource(deps), { ...svc, region: svc.region || region });
  const { use } = all;
  const facts = all.role;
  const role = facts?.role;
  const policies = await Promise.all((facts?.attached ?? []).map((p) => fetchPolicy(deps, p.policyName, p.policyType)));
  // A service without a role is mounted for with the platform's own role.
  const deciding = use.roleMode === "none" ? (all.platformRole?.policies ?? []) : (facts?.policies ?? []);
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
    health: serviceHealth(all, diagnose({ status: svc.status, event: serviceEvent(svc), facts: all })),
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
    needs: checkServiceNeeds(use.needs, deciding),
  };
}

export async function loadServiceDetail(deps: InventoryDeps, actor: Actor, region: string, name: string): Promise<ServiceDetail> {
  requirePermission(actor, "inventory:read");
  const { value, fetchedAt } = await deps.cache.get(`inv:service:${region}/${name}`, deps.ttlMs, () => build(deps, region, name), (d) => [
    tags.service(region, name),
    // Health also reads the deployer's and groups' policies: any RAM change may move it.
    tags.ramAggregate,
    ...(d.role ? [tags.role(d.role.name)] : []),
    ...d.policies.map((p) => tags.policy(p.name)),
  ]);
  return { ...value, fetchedAt };
}

export interface EventsPage {
  items: EasEvent[];
  page: number;
  pageSize: number;
  totalPages: number;
  total: number;
  type?: EventType;
}

export type EventType = "Normal" | "Warning";

async function eventsApiPage(deps: InventoryDeps, region: string, name: string, apiPage: number, pageSize: number, type?: EventType) {
  const { value } = await deps.cache.get(
    `eas:events:${region}/${name}/${type ?? "all"}/${pageSize}/${apiPage}`,
    deps.ttlMs,
    () => deps.limiter.run(() => deps.cloud.eas.describeServiceEvents(region, name, { pageNum: apiPage, pageSize, ...(type ? { eventType: type } : {}) })),
    [tags.service(region, name)],
  );
  return value;
}

/** EAS's largest page of events: one call holds most services' whole week. */
const EVENTS_API_PAGE = 500;

/**
 * One page of the service's events, newest first, every page full but the last. The console
 * sorts them by time itself (stable, so events of one second keep the API's order): no document
 * promises the order DescribeServiceEvent answers in. The week's events are read in pages of 500
 * (one call for most services), each cached for the TTL, so paging the UI costs no further call.
 */
export async function loadServiceEvents(deps: InventoryDeps, actor: Actor, region: string, name: string, page: number, pageSize = 20, type?: EventType): Promise<EventsPage> {
  requirePermission(actor, "inventory:read");
  const first = await eventsApiPage(deps, region, name, 1, EVENTS_API_PAGE, type);
  const apiTotal = first.totalCount ?? first.items.length;
  const apiPages = Math.ceil(apiTotal / EVENTS_API_PAGE);
  const rest = await Promise.all(Array.from({ length: Math.max(0, apiPages - 1) }, (_, i) => eventsApiPage(deps, region, name, i + 2, EVENTS_API_PAGE, type)));
  const all = [first, ...rest].flatMap((p) => p.items);
  const at = (e: EasEvent) => Date.parse(e.time.includes("T") ? e.time : `${e.time.replace(" ", "T")}Z`) || 0;
  const newestFirst = all.map((e, i) => ({ e, i })).sort((a, b) => at(b.e) - at(a.e) || b.i - a.i).map((x) => x.e);
  const total = newestFirst.length;
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const base = { page, pageSize, totalPages, total, ...(type ? { type } : {}) };
  return { ...base, items: page > totalPages ? [] : newestFirst.slice((page - 1) * pageSize, page * pageSize) };
}
