import type { RoleRow, ServiceRef, ServiceRow } from "../inventory/types";

// The overview's first two panels, from the rows the services and roles lists already load.

/** Statuses in which a service does not serve and will not get there by itself. */
const FAILING_STATUSES = ["Failed", "DeleteFailed", "Waiting"] as const;
const FAILING = new Set<string>(FAILING_STATUSES);
const SAMPLE = 4;

export interface FailingGroup {
  status: string;
  /** Set once the rows carry a diagnosis cause: each (status, cause) is then its own group. */
  cause?: string;
  count: number;
  /** The first few, by name. */
  services: ServiceRef[];
}

export interface FailingSummary {
  total: number;
  /** Every service read, failing or not: the total is "of" these. */
  services: number;
  groups: FailingGroup[];
  /** Services, failing or not, whose role has a problem. */
  roleProblems: number;
}

/**
 * Failing services grouped by status (and by cause, once `causeOf` names one), largest group first.
 * The groups are the services list's own filters, so each links to the rows it counts.
 */
export function summarizeFailing(rows: ServiceRow[], causeOf: (row: ServiceRow) => string | undefined = () => undefined): FailingSummary {
  const groups = new Map<string, FailingGroup & { all: ServiceRef[] }>();
  for (const row of rows) {
    if (!FAILING.has(row.status)) continue;
    const cause = causeOf(row);
    const key = `${row.status}\u0000${cause ?? ""}`;
    const g = groups.get(key) ?? { status: row.status, ...(cause ? { cause } : {}), count: 0, services: [], all: [] };
    g.count += 1;
    g.all.push({ region: row.region, name: row.name });
    groups.set(key, g);
  }
  const list = [...groups.values()]
    .map(({ all, ...g }) => ({ ...g, services: [...all].sort((a, b) => a.name.localeCompare(b.name, "en")).slice(0, SAMPLE) }))
    .sort((a, b) => b.count - a.count || a.status.localeCompare(b.status, "en") || (a.cause ?? "").localeCompare(b.cause ?? "", "en"));
  return { total: list.reduce((n, g) => n + g.count, 0), services: rows.length, groups: list, roleProblems: rows.filter((r) => r.health.state === "problem").length };
}

export interface UnassumableRole {
  name: string;
  /** Services that name it: each fails to deploy. */
  usedBy: ServiceRef[];
  trustError?: string;
}

/** Roles EAS cannot assume: those services use first (they break deployments), then the rest. */
export function rolesEasCannotAssume(rows: RoleRow[]): { total: number; used: UnassumableRole[]; unused: number } {
  const cannot = rows.filter((r) => !r.easCanAssume);
  const used = cannot
    .filter((r) => r.usedBy.length > 0)
    .sort((a, b) => b.usedBy.length - a.usedBy.length || a.name.localeCompare(b.name, "en"))
    .map((r) => ({ name: r.name, usedBy: r.usedBy, ...(r.trustError ? { trustError: r.trustError } : {}) }));
  return { total: cannot.length, used, unused: cannot.length - used.length };
}
