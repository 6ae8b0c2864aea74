import "server-only";
import { requirePermission, type Actor } from "../actor";
import { mapLimit } from "../async/pool";
import type { InventoryDeps } from "../inventory/deps";
import { fetchAccountId, fetchPolicyDocuments, fetchRolePolicies } from "../inventory/fetch";
import { loadRoles } from "../inventory/load-roles";
import type { ServiceRef } from "../inventory/types";
import { logUnexpected } from "../http/error-response";
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

// The account-wide read takes as long as its pages at two a second (minutes on a busy account).
// The console's own timer runs it (`startActivityScans`, from instrumentation), so it is never
// tied to a page request: a read at start-up, then again for every window a reader asked for in
// the last half hour, once the one shown is older than the TTL. A page waits a few seconds at
// most for a first read, then says it is running. A page ActionTrail refuses is a gap in the
// coverage, which the panel shows; a read that fails outright is shown as its error (when nothing
// was read before) and tried again after the TTL.
const FIRST_READ_WAIT_MS = 8_000;
const WANTED_FOR_MS = 30 * 60_000;
const TICK_MS = 15_000;

interface ScanEntry {
  done?: AccountScan;
  error?: unknown;
  endedAt?: number;
  running?: Promise<void>;
  wantedAt: number;
}

const scans = () => processSingleton("activity-account-scans", () => new Map<number, ScanEntry>());

function entryOf(days: number, now: number): ScanEntry {
  const all = scans();
  let e = all.get(days);
  if (!e) all.set(days, (e = { wantedAt: now }));
  return e;
}

function startScan(deps: InventoryDeps, days: number, e: ScanEntry): Promise<void> {
  e.running ??= scanAccount(deps, days)
    .then(
      (scan) => {
        e.done = scan;
        e.error = undefined;
      },
      (err: unknown) => {
        e.error = err;
      },
    )
    .finally(() => {
      e.endedAt = Date.now();
      e.running = undefined;
    });
  return e.running;
}

/** One round of the timer: each window still wanted whose last read ended a TTL ago is read again. Answers the windows it started. */
export function scanRound(deps: InventoryDeps, now = Date.now()): number[] {
  const started: number[] = [];
  for (const [days, e] of scans()) {
    if (e.running || now - e.wantedAt > WANTED_FOR_MS) continue;
    if (e.endedAt !== undefined && now - e.endedAt < TTL_MS) continue;
    void startScan(deps, days, e);
    started.push(days);
  }
  return started;
}

/** Starts the timer once per process (later calls do nothing), with a first read of `days` at once. */
export function startActivityScans(deps: () => InventoryDeps, days: number, tickMs = TICK_MS): void {
  processSingleton("activity.jobs", () => {
    entryOf(days, Date.now());
    const round = () => {
      try {
        scanRound(deps());
      } catch (err) {
        logUnexpected(err, "ActionTrail read");
      }
    };
    round();
    return setInterval(round, tickMs).unref();
  });
}

async function latestScan(deps: InventoryDeps, days: number): Promise<AccountScan | undefined> {
  const e = entryOf(days, Date.now());
  e.wantedAt = Date.now();
  // A process without the timer (a script, a test) reads on a reader's behalf.
  if (!e.done && e.endedAt === undefined) void startScan(deps, days, e);
  if (!e.done && e.running) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([e.running, new Promise((r) => (timer = setTimeout(r, FIRST_READ_WAIT_MS)))]);
    clearTimeout(timer);
  }
  // What was read last stays shown while a fresh read runs or after one failed.
  if (!e.done && e.error) throw e.error;
  return e.done;
}

/**
 * Per role, worst first: roles nothing uses, then the most permissions unused; undefined while the
 * first read of the account runs; the read's error when it failed and nothing was read before.
 */
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
