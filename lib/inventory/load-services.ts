import { requirePermission, type Actor } from "../actor";
import type { EasService } from "../cloud/types";
import { diagnose } from "../diagnosis/diagnose";
import { FactSource } from "./gather/fact-source";
import { gatherServiceFacts, serviceEvent } from "./gather/service-facts";
import { serviceHealth } from "../diagnosis/health";
import type { DiagnosisFacts } from "../diagnosis/types";
import { analyseService, serviceRole } from "../readiness/use";
import { tags } from "./cache-tags";
import type { InventoryDeps } from "./deps";
import { fetchGroups, fetchRegionServices, fetchUsers } from "./fetch";
import { forEachServicePage } from "./service-pages";
import type { ServiceListingRow, ServiceRow, ServiceWarning } from "./types";
import { staleWhileRevalidate } from "./stale-while-revalidate";

// Statuses whose Reason/Message describe normal life, not something to look at.
const QUIET = new Set(["Running", "Stopped", "Completed"]);

export function latestWarning(s: Pick<EasService, "status" | "reason" | "message">): ServiceWarning | undefined {
  if (QUIET.has(s.status) || (!s.reason && !s.message)) return undefined;
  return { reason: s.reason, message: s.message };
}

function row(s: EasService, facts: DiagnosisFacts): ServiceRow {
  const diagnosis = diagnose({ status: s.status, event: serviceEvent(s), facts });
  const { code, subject } = diagnosis.cause;
  return {
    region: s.region,
    name: s.serviceName,
    status: s.status,
    roleMode: facts.use.roleMode,
    roleName: facts.use.roleName,
    roleArn: facts.use.roleArn,
    health: serviceHealth(facts, diagnosis),
    ...(code !== "NONE" ? { cause: { code, ...(subject ? { subject } : {}), ...(diagnosis.cleared ? { cleared: true } : {}) } } : {}),
    warning: latestWarning(s),
    createTime: s.createTime,
    updateTime: s.updateTime,
  };
}

/**
 * Every row's health and cause from facts read once per distinct role, deploying user and
 * policy: each service page starts the reads its services need as it arrives, so they overlap.
 */
async function buildRows(deps: InventoryDeps, regions: string[]): Promise<ServiceRow[]> {
  const src = new FactSource(deps, { listed: true });
  const accountP = src.accountId();
  // Who deployed what is known only from the pages; the user and group lists are read alongside.
  for (const early of [fetchUsers(deps), fetchGroups(deps)]) early.catch(() => undefined);
  const gathering = new Map<EasService, Promise<DiagnosisFacts>>();
  const services = await forEachServicePage(deps, regions, async (items) => {
    const accountId = await accountP;
    for (const s of items) {
      const p = gatherServiceFacts(src, s, { accountId, use: analyseService(s.serviceConfig, accountId, s.region) });
      p.catch(() => undefined);
      gathering.set(s, p);
    }
  });
  return Promise.all(services.map(async (s) => row(s, await gathering.get(s)!)));
}

/** Every service of the regions with its role, health and the cause of a failed deployment, cached as one aggregate. */
export async function loadServices(deps: InventoryDeps, actor: Actor, regions: string[]): Promise<{ rows: ServiceRow[]; fetchedAt: number }> {
  requirePermission(actor, "inventory:read");
  const key = `inv:services:${[...regions].sort().join(",")}`;
  const { value, fetchedAt } = await staleWhileRevalidate(deps, key, () => buildRows(deps, regions), [tags.ramAggregate, tags.easAggregate]);
  return { rows: value, fetchedAt };
}

/**
 * The rows as EAS's list alone tells them (no health, no cause: those need RAM reads per role),
 * cached under their own key with the aggregates' tags, so a write or a refresh drops them too.
 * The region lists are the full read's own cache entries: the two reads share every
 * ListServices call, in flight or done.
 */
export async function loadServiceListing(deps: InventoryDeps, actor: Actor, regions: string[]): Promise<{ rows: ServiceListingRow[]; fetchedAt: number }> {
  requirePermission(actor, "inventory:read");
  const key = `inv:service-listing:${[...regions].sort().join(",")}`;
  const read = async () => (await Promise.all(regions.map((r) => fetchRegionServices(deps, r)))).flat().map(listingRow);
  const { value, fetchedAt } = await deps.cache.get(key, deps.ttlMs, read, [tags.ramAggregate, tags.easAggregate]);
  return { rows: value, fetchedAt };
}

function listingRow(s: EasService): ServiceListingRow {
  const use = serviceRole(s.serviceConfig);
  return {
    region: s.region,
    name: s.serviceName,
    status: s.status,
    roleMode: use.roleMode,
    roleName: use.roleName,
    roleArn: use.roleArn,
    warning: latestWarning(s),
    createTime: s.createTime,
    updateTime: s.updateTime,
  };
}
