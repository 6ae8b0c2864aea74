import "server-only";
import { requirePermission, type Actor } from "../actor";
import { getEnv } from "../env";
import { CloudError } from "../cloud/types";
import { tags } from "../inventory/cache-tags";
import type { InventoryDeps } from "../inventory/deps";
import { fetchRegionServices } from "../inventory/fetch";
import { loadRoleDetail } from "../inventory/role-detail";
import type { ServiceRef } from "../inventory/types";
import { processSingleton } from "../process-singleton";
import { analyseService } from "../readiness/use";
import { roleKey, sameRole } from "../policy/role-identity";
import type { NamedPolicy } from "../policy/types";
import { ActivityAggregator, type RoleActivity } from "./aggregate";
import { buildProposal, type DeployNeed } from "./proposal";
import { RateGate } from "./rate-gate";
import { readAudit } from "./read-audit";
import { readTrail } from "./read-trail";
import { toActivityEvent } from "./trail-events";
import type { Coverage, Proposal, ServiceUse, UnusedFinding } from "./types";
import { findUnused } from "./unused";
import { DAY_MS, daysCovered } from "./windows";

// One role's activity for the Activity tab and GET /api/roles/{name}/activity: its sessions'
// events from ActionTrail (filtered by RoleName), RAM's permission audit, what went unused and
// the right-sized policy. The cloud reads are cached per role and window, like the inventory.

/** LookupEvents: ActionTrail's calls a second per account (two), shared by every reader of the process. */
export const trailGate = () => processSingleton("actiontrail-rate", () => new RateGate(getEnv().ROLESCOPE_ACTIONTRAIL_CALLS_PER_SECOND));

const ACTIVITY_TTL_MS = 5 * 60_000;
/** What the platform does with the role at deploy: never the role's own calls, never dropped. */
const DEPLOY_NEEDS = new Set(["oss-mount", "nas-mount", "oss-model", "image-pull"]);

export interface RoleActivityReport {
  role: string;
  days: number;
  coverage: Coverage;
  services: ServiceUse[];
  unused: UnusedFinding[];
  proposal: Proposal;
  /** The EAS services that run with the role. */
  usedBy: ServiceRef[];
}

interface Observed {
  activity?: RoleActivity;
  coverage: Coverage;
  audit?: [string, string | undefined][];
}

async function observe(deps: InventoryDeps, roleName: string, roleArn: string, days: number): Promise<Observed> {
  const now = Date.now();
  const range = { from: now - days * DAY_MS, to: now };
  const from = new Date(range.from).toISOString();
  const to = new Date(range.to).toISOString();
  const agg = new ActivityAggregator();
  const [trail, audit] = await Promise.all([
    readTrail(deps.cloud.actiontrail, range, trailGate(), (e) => {
      const a = toActivityEvent(e);
      if (a && sameRole(a.role, roleName)) agg.add(a);
    }, { now, attributes: [{ key: "RoleName", value: roleName }] }),
    readAudit(deps.cloud.ramAudit, roleArn, { from, to }),
  ]);
  const activity = agg.role(roleName);
  let ossDataEvents = agg.ossDataEvents;
  // This role read no OSS object: whether the trail records such events at all is asked of the account, one page.
  if (!ossDataEvents && deps.cloud.actiontrail && trail.read.length > 0) {
    const w = trail.read[0];
    await readTrail(deps.cloud.actiontrail, w, trailGate(), () => (ossDataEvents = true), { now, limits: { concurrency: 1, maxPagesPerWindow: 1 }, attributes: [{ key: "ServiceName", value: "Oss" }, { key: "EventName", value: "GetObject" }] });
  }
  const sources: Coverage["sources"] = [];
  if (trail.read.length > 0) sources.push("actiontrail");
  if (audit.lastAccess) sources.push("ram-permission-audit");
  return {
    activity,
    audit: audit.lastAccess ? [...audit.lastAccess] : undefined,
    coverage: { from, to, days, daysSeen: daysCovered(range.from, range.to, trail.read), sources, gaps: [...trail.gaps, ...(audit.gap ? [audit.gap] : [])], ossDataEvents },
  };
}

/** Deploy needs of every service that runs with the role, from their configs (the readiness engine's needs). */
export async function deployNeeds(deps: InventoryDeps, services: ServiceRef[], accountId: string): Promise<DeployNeed[]> {
  const regions = [...new Set(services.map((s) => s.region))];
  const lists = await Promise.all(regions.map((r) => fetchRegionServices(deps, r)));
  const byKey = new Map(lists.flat().map((s) => [`${s.region}/${s.serviceName}`, s]));
  const seen = new Set<string>();
  const out: DeployNeed[] = [];
  for (const ref of services) {
    const svc = byKey.get(`${ref.region}/${ref.name}`);
    if (!svc) continue;
    for (const n of analyseService(svc.serviceConfig, accountId, ref.region).needs) {
      if (!DEPLOY_NEEDS.has(n.kind) || n.checks.length === 0) continue;
      const key = JSON.stringify([n.kind, n.target, n.checks]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ kind: n.kind, target: n.target, checks: n.checks });
    }
  }
  return out;
}

export async function loadRoleActivity(deps: InventoryDeps, actor: Actor, name: string, days: number): Promise<RoleActivityReport> {
  requirePermission(actor, "inventory:read");
  const detail = await loadRoleDetail(deps, actor, name);
  const roleName = detail.role.roleName;
  if (detail.usage.error) throw new CloudError(detail.usage.error);
  const observed = await deps.cache
    .get(`activity:role:${roleKey(roleName)}:${days}`, ACTIVITY_TTL_MS, () => observe(deps, roleName, detail.role.arn, days), [tags.role(roleName)])
    .then((c) => c.value);
  const policies: NamedPolicy[] = detail.policies.flatMap((p) => (p.document ? [{ name: p.name, type: p.type, document: p.document }] : []));
  const services = observed.activity?.services ?? [];
  const audit = observed.audit ? new Map(observed.audit) : undefined;
  const needs = await deployNeeds(deps, detail.usage.services, detail.accountId ?? "");
  return {
    role: roleName,
    days,
    coverage: observed.coverage,
    services: withAudit(services, audit),
    unused: findUnused({ roleName, policies, used: services, coverage: observed.coverage, audit, deployActions: needs.flatMap((n) => n.checks.map((c) => c.action)) }),
    proposal: buildProposal({ policies, used: services, needs }),
    usedBy: detail.usage.services,
  };
}

/** A service's last access is the later of the trail's last event and the audit's. */
function withAudit(services: ServiceUse[], audit: Map<string, string | undefined> | undefined): ServiceUse[] {
  if (!audit) return services;
  return services.map((s) => {
    const a = audit.get(s.service);
    return a && (!s.lastAccessed || a > s.lastAccessed) ? { ...s, lastAccessed: a } : s;
  });
}
