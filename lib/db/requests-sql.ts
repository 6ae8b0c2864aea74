import "server-only";
import type { Dialect } from "./dialect";
import type { PassRoleRequestChange, RequestGuard, RequestQuery } from "./types";

// The PassRole request store's conditional SQL, built once for both databases. The guard goes
// into the UPDATE's own WHERE, so whichever database holds the row decides who wins a race.

export type Param = string | number | null;

/** Statement parameters in the order their placeholders appear in the text. */
export class Params {
  readonly values: Param[] = [];
  constructor(private readonly dialect: Dialect) {}

  add(value: Param): string {
    this.values.push(value);
    return this.dialect.param(this.values.length);
  }

  list(values: readonly string[]): string {
    return `(${values.map((v) => this.add(v)).join(", ")})`;
  }
}

/** Change field → column, and how its value is stored. */
const COLUMNS: { [K in keyof Required<PassRoleRequestChange>]: [string, (v: PassRoleRequestChange[K]) => Param] } = {
  state: ["state", (v) => v ?? null],
  approver: ["approver", (v) => v ?? null],
  decisionReason: ["decision_reason", (v) => v ?? null],
  grantedDuration: ["granted_duration", (v) => v ?? null],
  policyDocument: ["policy_document", (v) => v ?? null],
  expiresAt: ["expires_at", (v) => v ?? null],
  grantRequestIds: ["grant_request_ids", (v) => JSON.stringify(v ?? [])],
  removal: ["removal", (v) => v ?? "none"],
  removalRequestIds: ["removal_request_ids", (v) => JSON.stringify(v ?? [])],
  failure: ["failure", (v) => (v ? JSON.stringify(v) : null)],
  leaseOwner: ["lease_owner", (v) => v ?? null],
  leaseUntil: ["lease_until", (v) => v ?? null],
  remindedAt: ["reminded_at", (v) => v ?? null],
  decidedAt: ["decided_at", (v) => v ?? null],
  grantedAt: ["granted_at", (v) => v ?? null],
  endedAt: ["ended_at", (v) => v ?? null],
  endedBy: ["ended_by", (v) => v ?? null],
  endReason: ["end_reason", (v) => v ?? null],
};

/** The SET list of an update; a state change also bumps the version. */
export function setSql(change: PassRoleRequestChange, at: string, p: Params): string {
  const sets = (Object.keys(change) as (keyof PassRoleRequestChange)[])
    .filter((k) => change[k] !== undefined)
    .map((k) => {
      const [column, store] = COLUMNS[k] as [string, (v: unknown) => Param];
      return `${column} = ${p.add(store(change[k]))}`;
    });
  if (change.state !== undefined) sets.push("version = version + 1");
  sets.push(`updated_at = ${p.add(at)}`);
  return sets.join(", ");
}

function leaseFree(now: string, p: Params, owner?: string): string {
  const at = p.add(now);
  if (owner === undefined) return `(lease_until IS NULL OR lease_until <= ${at})`;
  return `(lease_until IS NULL OR lease_until <= ${at} OR lease_owner = ${p.add(owner)})`;
}

export function guardSql(g: RequestGuard, p: Params): string {
  const parts = [`state IN ${p.list(g.states)}`];
  if (g.version !== undefined) parts.push(`version = ${p.add(g.version)}`);
  if (g.lease) parts.push(leaseFree(g.lease.now, p, g.lease.owner));
  if (g.notReminded) parts.push("reminded_at IS NULL");
  if (g.removal) parts.push(`removal IN ${p.list(g.removal)}`);
  return parts.join(" AND ");
}

export function querySql(q: RequestQuery, p: Params): string {
  const parts: string[] = [];
  if (q.states) parts.push(`state IN ${p.list(q.states)}`);
  if (q.requesterId !== undefined) parts.push(`requester_id = ${p.add(q.requesterId)}`);
  if (q.involving) {
    const { userId, ramUser } = q.involving;
    const mine = [`requester_id = ${p.add(userId)}`, `requested_for_id = ${p.add(userId)}`];
    if (ramUser) mine.push(`lower(ram_user) = lower(${p.add(ramUser)})`);
    parts.push(`(${mine.join(" OR ")})`);
  }
  if (q.pair) parts.push(`lower(ram_user) = lower(${p.add(q.pair.ramUser)}) AND lower(role_name) = lower(${p.add(q.pair.roleName)})`);
  if (q.removal) parts.push(`removal IN ${p.list(q.removal)}`);
  if (q.expiresBy !== undefined) parts.push(`expires_at IS NOT NULL AND expires_at <= ${p.add(q.expiresBy)}`);
  if (q.notReminded) parts.push("reminded_at IS NULL");
  if (q.grantedDurations) parts.push(`granted_duration IN ${p.list(q.grantedDurations)}`);
  if (q.leaseFreeAt !== undefined) parts.push(leaseFree(q.leaseFreeAt, p));
  return parts.length ? `WHERE ${parts.join(" AND ")}` : "";
}

export const INSERT_REQUEST = (p: (i: number) => string) =>
  `INSERT INTO passrole_requests (id, role_name, role_arn, ram_user, requester_id, requester, requested_for_id, requested_for, reason, duration, state, policy_name, created_at, updated_at)
   VALUES (${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(p).join(", ")}, 'pending', ${p(11)}, ${p(12)}, ${p(13)})`;

/** Inserts a claim, or takes over one that ran out; the database's unique key decides between racers. */
export const TAKE_CLAIM = (p: (i: number) => string) =>
  `INSERT INTO plan_claims (token, holder, held_until) VALUES (${p(1)}, ${p(2)}, ${p(3)})
   ON CONFLICT (token) DO UPDATE SET holder = excluded.holder, held_until = excluded.held_until WHERE plan_claims.held_until <= ${p(4)}`;
export const RELEASE_CLAIM = (p: (i: number) => string) => `DELETE FROM plan_claims WHERE token = ${p(1)} AND holder = ${p(2)}`;
