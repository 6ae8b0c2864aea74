import "server-only";
import { requirePermission, type Actor } from "../actor";
import { mapLimit } from "../async/pool";
import type { InventoryDeps } from "../inventory/deps";
import { fetchAccountId, fetchPolicyDocuments, fetchRolePolicies } from "../inventory/fetch";
import { loadRoles } from "../inventory/load-roles";
import type { ServiceRef } from "../inventory/types";
import { processSingleton } from "../process-singleton";
import { ActivityAggregator } from "./aggregate";
import { deployNeeds, trailGate } from "./load-role-activity";
import { readTrail } from "./read-trail";
import { toActivityEvent } from "./trail-events";
import type { Coverage, UnusedFinding } from "./types";
import { findUnused } from "./unused";
import { DAY_MS, daysCovered } from "./windows";

// The overview's unused access: one account-wide read of ActionTrail (every role's sessions in
// one stream, folded as it arrives), cached; each role's policies through the same cached
// fetchers the roles list and the security panel use. No call per role to ActionTrail.

const FAN_OUT = 8;
const TTL_MS = 5 * 60_000;

interface UnusedAccessRow {
  role: string;
  usedBy: ServiceRef[];
  /** No service runs with the role and no session used it in the window. */
  roleUnused: boolean;
  lastUsed: string | null;
  findings: UnusedFinding[];
}

interface UnusedAccess {
  coverage: Coverage;
  rows: UnusedAccessRow[];
}

interface AccountScan {
  coverage: Coverage;
  roles: Map<string, { lastUsed?: number; services: ReturnType<ActivityAggregator["role"]> }>;
}

async function scanAccount(deps: InventoryDeps, days: number): Promise<AccountScan> {
  const now = Date.now();
  const range = { from: now - days * DAY_MS, to: now };
  const agg = new ActivityAggregator();
  const read = await readTrail(deps.cloud.actiontrail, range, trailGate(), (e) => {
    const a = toActivityEvent(e);
    if (a) agg.add(a);
  }, { now });
  const roles = new Map(agg.roleNames().map((name) => {
    const r = agg.role(name);
    return [name.toLowerCase(), { lastUsed: r?.lastUsed, services: r }] as const;
  }));
  return {
    roles,
    coverage: {
      from: new Date(range.from).toISOString(),
      to: new Date(range.to).toISOString(),
      days,
      daysSeen: daysCovered(range.from, range.to, read.read),
      sources: read.read.length > 0 ? ["actiontrail"] : [],
      gaps: read.gaps,
      ossDataEvents: agg.ossDataEvents,
    },
  };
}

// The account-wide read takes as long as its pages at two a second (a minute for a few thousand
// events): the overview waits for it a few seconds at most. A read still running then goes on
// in the background, and the panel says so until the next visit finds it finished.
const FIRST_READ_WAIT_MS = 8_000;
const scans = () => processSingleton("activity-account-scans", () => new Map<number, { done?: AccountScan; running?: Promise<unknown> }>());

async function latestScan(deps: InventoryDeps, days: number): Promise<AccountScan | undefined> {
  const entry = scans().get(days) ?? {};
  scans().set(days, entry);
  entry.running ??= deps.cache
    .get(`activity:account:${days}`, TTL_MS, () => scanAccount(deps, days))
    .then((c) => (entry.done = c.value))
    .catch(() => undefined)
    .finally(() => (entry.running = undefined));
  if (!entry.done && entry.running) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([entry.running, new Promise((r) => (timer = setTimeout(r, FIRST_READ_WAIT_MS)))]);
    clearTimeout(timer);
  }
  return entry.done;
}

/** Per role, worst first: roles nothing uses, then the most permissions unused; undefined while the first read of the account runs. */
export async function loadUnusedAccess(deps: InventoryDeps, actor: Actor, days: number): Promise<UnusedAccess | undefined> {
  requirePermission(actor, "inventory:read");
  const scan = await latestScan(deps, days);
  if (!scan) return undefined;
  const [{ rows }, accountId] = await Promise.all([
    loadRoles(deps, actor, deps.cloud.eas.regions),
    fetchAccountId(deps),
  ]);
  const out = await mapLimit(rows, FAN_OUT, async (row): Promise<UnusedAccessRow | undefined> => {
    const seen = scan.roles.get(row.name.toLowerCase());
    const [policies, needs] = await Promise.all([fetchRolePolicies(deps, row.name).then((a) => fetchPolicyDocuments(deps, a)), deployNeeds(deps, row.usedBy, accountId)]);
    // What the platform does with the role at deploy is never unused (service lists are cached: no call per role).
    const deployActions = needs.flatMap((n) => n.checks.map((c) => c.action));
    const findings = findUnused({ roleName: row.name, policies, used: seen?.services?.services ?? [], coverage: scan.coverage, deployActions });
    const roleUnused = row.usedBy.length === 0 && findings.some((f) => f.kind === "role");
    const permissions = findings.filter((f) => f.kind !== "role");
    if (!roleUnused && permissions.length === 0) return undefined;
    return { role: row.name, usedBy: row.usedBy, roleUnused, lastUsed: seen?.lastUsed ? new Date(seen.lastUsed).toISOString() : null, findings: roleUnused ? findings : permissions };
  });
  const found = out.filter((r): r is UnusedAccessRow => r !== undefined);
  found.sort((a, b) => Number(b.roleUnused) - Number(a.roleUnused) || b.findings.length - a.findings.length || a.role.localeCompare(b.role));
  return { coverage: scan.coverage, rows: found };
}
