import { CAUSE_CODES, type CauseCode } from "./types";

// The fleet view: every failed service by cause, and within a cause by what one fix acts on (a
// role, a user and a role, a region), so that one fix and one redeploy each heal the group.

export type FleetCode = Exclude<CauseCode, "NONE"> | "REDEPLOY_PENDING";

export interface FleetService {
  region: string;
  name: string;
  status: string;
}

interface FleetGroup {
  /** Absent for causes that belong to each service alone (a crash, an OOM kill). */
  subject?: string;
  services: FleetService[];
}

export interface FleetCause {
  code: FleetCode;
  count: number;
  groups: FleetGroup[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const ORDER: FleetCode[] = [...CAUSE_CODES.filter((c): c is Exclude<CauseCode, "NONE"> => c !== "NONE"), "REDEPLOY_PENDING"];

/** What the fleet view needs of a row of the services list. */
export interface FleetRow {
  region: string;
  name: string;
  status: string;
  cause?: { code: CauseCode; subject?: string; cleared?: boolean };
}

export function groupFailing(rows: readonly FleetRow[]): FleetCause[] {
  const byCode = new Map<FleetCode, Map<string, FleetGroup>>();
  for (const r of rows) {
    if (!r.cause) continue;
    const code: FleetCode = r.cause.cleared ? "REDEPLOY_PENDING" : (r.cause.code as Exclude<CauseCode, "NONE">);
    const groups = byCode.get(code) ?? new Map<string, FleetGroup>();
    byCode.set(code, groups);
    const key = r.cause.subject ?? `\u0000${r.region}/${r.name}`;
    const group = groups.get(key) ?? { ...(r.cause.subject ? { subject: r.cause.subject } : {}), services: [] };
    group.services.push({ region: r.region, name: r.name, status: r.status });
    groups.set(key, group);
  }
  return ORDER.flatMap((code) => {
    const groups = byCode.get(code);
    if (!groups) return [];
    const list = [...groups.values()].sort((a, b) => b.services.length - a.services.length || cmp(a.subject ?? a.services[0].name, b.subject ?? b.services[0].name));
    for (const g of list) g.services.sort((a, b) => cmp(a.name, b.name) || cmp(a.region, b.region));
    return [{ code, count: list.reduce((n, g) => n + g.services.length, 0), groups: list }];
  });
}
