import { RoleMap } from "../policy/role-identity";
import type { ActionUse, ActivityEvent, ServiceUse } from "./types";

// Folds events into per-role, per-action use as they stream in: memory grows with the distinct
// roles, actions and (bounded) resources, never with the number of events.

const RESOURCES_PER_ACTION = 50;

interface ActionAcc {
  last: number;
  count: number;
  failed: number;
  resources: Set<string>;
  more: boolean;
}

interface RoleAcc {
  name: string;
  last: number;
  actions: Map<string, ActionAcc>;
}

export interface RoleActivity {
  role: string;
  /** Latest successful call; undefined when none was seen. */
  lastUsed?: number;
  services: ServiceUse[];
  events: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const prefixOf = (action: string) => action.slice(0, Math.max(0, action.indexOf(":"))).toLowerCase();

export class ActivityAggregator {
  private readonly roles = new RoleMap<RoleAcc>();
  /** OSS object-level events seen from any role: the trail records OSS data events. */
  ossDataEvents = false;
  events = 0;

  add(e: ActivityEvent): void {
    this.events++;
    let role = this.roles.get(e.role);
    if (!role) {
      role = { name: e.role, last: 0, actions: new Map() };
      this.roles.set(e.role, role);
    }
    if (!this.ossDataEvents && e.service === "oss" && e.resources.some((r) => /^acs:oss:[^:]*:[^:]*:[^/]+\/.+/.test(r))) this.ossDataEvents = true;
    let acc = role.actions.get(e.action);
    if (!acc) {
      acc = { last: 0, count: 0, failed: 0, resources: new Set(), more: false };
      role.actions.set(e.action, acc);
    }
    if (e.failed) {
      acc.failed += e.count;
      return;
    }
    acc.count += e.count;
    if (e.at > acc.last) acc.last = e.at;
    if (e.at > role.last) role.last = e.at;
    for (const r of e.resources) {
      if (acc.resources.has(r)) continue;
      if (acc.resources.size < RESOURCES_PER_ACTION) acc.resources.add(r);
      else acc.more = true;
    }
  }

  roleNames(): string[] {
    return [...this.roles.values()].map((r) => r.name);
  }

  /** One role's use, per service and action, most recent first; undefined when no event named it. */
  role(name: string): RoleActivity | undefined {
    const acc = this.roles.get(name);
    if (!acc) return undefined;
    const byService = new Map<string, ActionUse[]>();
    let events = 0;
    for (const [action, a] of acc.actions) {
      events += a.count + a.failed;
      if (a.count === 0) continue;
      const service = prefixOf(action);
      const list = byService.get(service) ?? [];
      list.push({ action, lastUsed: iso(a.last), count: a.count, resources: [...a.resources].sort(), ...(a.more ? { moreResources: true } : {}) });
      byService.set(service, list);
    }
    const services = [...byService].map(([service, actions]): ServiceUse => {
      actions.sort((x, y) => y.lastUsed.localeCompare(x.lastUsed) || x.action.localeCompare(y.action));
      return { service, lastAccessed: actions[0]?.lastUsed ?? null, actions };
    });
    services.sort((x, y) => (y.lastAccessed ?? "").localeCompare(x.lastAccessed ?? "") || x.service.localeCompare(y.service));
    return { role: acc.name, ...(acc.last > 0 ? { lastUsed: acc.last } : {}), services, events };
  }
}
