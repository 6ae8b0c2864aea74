// The account's event history as ActionTrail keeps it: the calls made with a role's STS session,
// in time order, for 90 days. Memory is bounded by a cap per account (oldest dropped first) and the
// retention; what falls out of the history still counts in each role's last access per service,
// which the permission audit reads and keeps for 400 days.
// ActionTrail: "ActionTrail keeps the events of the last 90 days" (help.aliyun.com/document_detail/185722.html,
// the LookupEvents reference, and "Query methods": alibabacloud.com/help/doc-detail/280437.htm).

export const HISTORY_DAYS = 90;
/** How far back the permission audit's last access reaches; GetAccessKeyLastUsed documents the same 400 days. */
export const LAST_ACCESS_DAYS = 400;
export const MAX_EVENTS_PER_ACCOUNT = 50_000;

const DAY_MS = 86_400_000;
const byTime = (a: StoredEvent, b: StoredEvent) => a.t - b.t || a.seq - b.seq;

/** A call to record; the log numbers it. */
export type NewEvent = Omit<StoredEvent, "seq">;

/** One call made with a role session. Kept small: the event record is built when it is read. */
export interface StoredEvent {
  /** Milliseconds since the epoch, whole seconds (ActionTrail's eventTime has no milliseconds). */
  t: number;
  /** Arrival order, which orders events of the same second. */
  seq: number;
  id: string;
  roleName: string;
  roleId: string;
  sessionName: string;
  accessKeyId: string;
  /** The RAM action prefix, lower case: `oss`, `ram`, `sts`, `eas`, `odps`, `cr`. */
  service: string;
  /** The API name, which is also the action after the prefix: `GetObject`. */
  action: string;
  resource: string;
  region: string;
  requestId: string;
  sourceIp: string;
  errorCode?: string;
  errorMessage?: string;
}

export interface ServiceAccess {
  /** Milliseconds since the epoch. */
  at: number;
  region: string;
}

export class ActivityLog {
  /** Ascending by (t, id). */
  private events: StoredEvent[] = [];
  /** roleName (lower case) → service → last access. */
  private lastAccess = new Map<string, Map<string, ServiceAccess>>();
  private nextSeq = 1;

  constructor(private readonly cap = MAX_EVENTS_PER_ACCOUNT) {}

  get size(): number {
    return this.events.length;
  }

  clear(): void {
    this.events = [];
    this.lastAccess.clear();
    this.nextSeq = 1;
  }

  /** Records one call; false when it is older than the history, where it only moves the role's last access. */
  record(input: NewEvent, now: Date): boolean {
    const e: StoredEvent = { ...input, seq: this.nextSeq++ };
    this.touch(e.roleName, e.service, { at: e.t, region: e.region });
    if (e.t < now.getTime() - HISTORY_DAYS * DAY_MS) return false;
    const i = this.insertionPoint(e.t, e.seq);
    this.events.splice(i, 0, e);
    if (this.events.length > this.cap) this.events.splice(0, this.events.length - this.cap);
    return true;
  }

  /** Records many calls at once (the seed): one sort instead of an insertion each. */
  recordMany(input: NewEvent[], now: Date): void {
    const from = now.getTime() - HISTORY_DAYS * DAY_MS;
    const list = [...input].sort((a, b) => a.t - b.t).map((e) => ({ ...e, seq: this.nextSeq++ }));
    for (const e of list) this.touch(e.roleName, e.service, { at: e.t, region: e.region });
    this.events = [...this.events, ...list.filter((e) => e.t >= from)].sort(byTime).slice(-this.cap);
  }

  private touch(roleName: string, service: string, access: ServiceAccess): void {
    const key = roleName.toLowerCase();
    let byService = this.lastAccess.get(key);
    if (!byService) this.lastAccess.set(key, (byService = new Map()));
    const prev = byService.get(service);
    if (!prev || prev.at < access.at) byService.set(service, access);
  }

  /** Drops what is past the history and the last-access window. */
  prune(now: Date): void {
    const from = now.getTime() - HISTORY_DAYS * DAY_MS;
    const first = this.insertionPoint(from, 0);
    if (first > 0) this.events.splice(0, first);
    const accessFrom = now.getTime() - LAST_ACCESS_DAYS * DAY_MS;
    for (const [role, byService] of this.lastAccess) {
      for (const [service, a] of byService) if (a.at < accessFrom) byService.delete(service);
      if (byService.size === 0) this.lastAccess.delete(role);
    }
  }

  /** Index of the first event at or after (t, seq). */
  private insertionPoint(t: number, seq: number): number {
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.events[mid];
      if (m.t < t || (m.t === t && m.seq < seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Events within [from, to] (ms, inclusive) that pass `keep`, walking in `direction` from the
   * cursor (exclusive), at most `limit`, plus whether more remain.
   */
  scan(opts: {
    from: number;
    to: number;
    direction: "FORWARD" | "BACKWARD";
    after?: { t: number; seq: number };
    keep: (e: StoredEvent) => boolean;
    limit: number;
  }): { events: StoredEvent[]; more: boolean } {
    const out: StoredEvent[] = [];
    if (opts.direction === "FORWARD") {
      let i = opts.after ? this.insertionPoint(opts.after.t, opts.after.seq + 1) : this.insertionPoint(opts.from, 0);
      for (; i < this.events.length && this.events[i].t <= opts.to; i++) {
        if (!opts.keep(this.events[i])) continue;
        if (out.length === opts.limit) return { events: out, more: true };
        out.push(this.events[i]);
      }
      return { events: out, more: false };
    }
    // BACKWARD: start at the last event at or before `to` (or before the cursor).
    let i = opts.after ? this.insertionPoint(opts.after.t, opts.after.seq) - 1 : this.insertionPoint(opts.to + 1, 0) - 1;
    for (; i >= 0 && this.events[i].t >= opts.from; i--) {
      if (!opts.keep(this.events[i])) continue;
      if (out.length === opts.limit) return { events: out, more: true };
      out.push(this.events[i]);
    }
    return { events: out, more: false };
  }

  /** The role's last access per service (lower-case role name). */
  accessOf(roleName: string): ReadonlyMap<string, ServiceAccess> {
    return this.lastAccess.get(roleName.toLowerCase()) ?? new Map();
  }

  /** Plain JSON for the state file. */
  snapshot(): { events: StoredEvent[]; lastAccess: Record<string, Record<string, ServiceAccess>> } {
    const lastAccess: Record<string, Record<string, ServiceAccess>> = {};
    for (const [role, byService] of this.lastAccess) lastAccess[role] = Object.fromEntries(byService);
    return { events: this.events, lastAccess };
  }

  restore(snap: { events: StoredEvent[]; lastAccess: Record<string, Record<string, ServiceAccess>> }): void {
    this.events = [...snap.events].sort(byTime).slice(-this.cap);
    this.nextSeq = this.events.reduce((m, e) => Math.max(m, e.seq), 0) + 1;
    this.lastAccess = new Map(Object.entries(snap.lastAccess).map(([role, m]) => [role, new Map(Object.entries(m))]));
  }
}
