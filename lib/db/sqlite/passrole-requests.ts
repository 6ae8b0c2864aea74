import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "../connection";
import {
  OpenRequestExistsError,
  type NewPassRoleRequest,
  type PassRoleRequestChange,
  type PassRoleRequestRecord,
  type PassRoleRequestStore,
  type RequestGuard,
  type RequestQuery,
} from "../types";

interface Row {
  id: string;
  role_name: string;
  role_arn: string;
  ram_user: string;
  requester_id: string;
  requester: string;
  reason: string;
  duration: PassRoleRequestRecord["duration"];
  granted_duration: PassRoleRequestRecord["grantedDuration"];
  state: PassRoleRequestRecord["state"];
  version: number;
  approver: string | null;
  decision_reason: string | null;
  policy_name: string;
  policy_document: string | null;
  expires_at: string | null;
  grant_request_ids: string;
  removal: PassRoleRequestRecord["removal"];
  removal_request_ids: string;
  failure: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  reminded_at: string | null;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
  granted_at: string | null;
  ended_at: string | null;
}

const toRecord = (r: Row): PassRoleRequestRecord => ({
  id: r.id,
  roleName: r.role_name,
  roleArn: r.role_arn,
  ramUser: r.ram_user,
  requesterId: r.requester_id,
  requester: r.requester,
  reason: r.reason,
  duration: r.duration,
  grantedDuration: r.granted_duration,
  state: r.state,
  version: r.version,
  approver: r.approver,
  decisionReason: r.decision_reason,
  policyName: r.policy_name,
  policyDocument: r.policy_document,
  expiresAt: r.expires_at,
  grantRequestIds: JSON.parse(r.grant_request_ids) as string[],
  removal: r.removal,
  removalRequestIds: JSON.parse(r.removal_request_ids) as string[],
  failure: r.failure ? (JSON.parse(r.failure) as PassRoleRequestRecord["failure"]) : null,
  leaseOwner: r.lease_owner,
  leaseUntil: r.lease_until,
  remindedAt: r.reminded_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  decidedAt: r.decided_at,
  grantedAt: r.granted_at,
  endedAt: r.ended_at,
});

type Param = string | number | null;

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
};

/** SQL for a list of values: `(@p0, @p1)`, its parameters added to `params`. */
function inList(prefix: string, values: readonly string[], params: Record<string, Param>): string {
  return `(${values.map((v, i) => ((params[`${prefix}${i}`] = v), `@${prefix}${i}`)).join(", ")})`;
}

const leaseFree = (now: string, params: Record<string, Param>, owner?: string) => {
  params.leaseNow = now;
  if (owner === undefined) return "(lease_until IS NULL OR lease_until <= @leaseNow)";
  params.leaseOwner = owner;
  return "(lease_until IS NULL OR lease_until <= @leaseNow OR lease_owner = @leaseOwner)";
};

function guardSql(g: RequestGuard, params: Record<string, Param>): string {
  const parts = [`state IN ${inList("gs", g.states, params)}`];
  if (g.version !== undefined) {
    params.guardVersion = g.version;
    parts.push("version = @guardVersion");
  }
  if (g.lease) parts.push(leaseFree(g.lease.now, params, g.lease.owner));
  if (g.notReminded) parts.push("reminded_at IS NULL");
  if (g.removal) parts.push(`removal IN ${inList("gr", g.removal, params)}`);
  return parts.join(" AND ");
}

function querySql(q: RequestQuery, params: Record<string, Param>): string {
  const parts: string[] = [];
  if (q.states) parts.push(`state IN ${inList("qs", q.states, params)}`);
  if (q.requesterId !== undefined) {
    params.requesterId = q.requesterId;
    parts.push("requester_id = @requesterId");
  }
  if (q.pair) {
    params.pairUser = q.pair.ramUser;
    params.pairRole = q.pair.roleName;
    parts.push("lower(ram_user) = lower(@pairUser) AND lower(role_name) = lower(@pairRole)");
  }
  if (q.removal) parts.push(`removal IN ${inList("qr", q.removal, params)}`);
  if (q.expiresBy !== undefined) {
    params.expiresBy = q.expiresBy;
    parts.push("expires_at IS NOT NULL AND expires_at <= @expiresBy");
  }
  if (q.notReminded) parts.push("reminded_at IS NULL");
  if (q.grantedDurations) parts.push(`granted_duration IN ${inList("qd", q.grantedDurations, params)}`);
  if (q.leaseFreeAt !== undefined) parts.push(leaseFree(q.leaseFreeAt, params));
  return parts.length ? `WHERE ${parts.join(" AND ")}` : "";
}

const isUniqueViolation = (err: unknown) => err instanceof Error && "code" in err && err.code === "SQLITE_CONSTRAINT_UNIQUE";

export function sqlitePassRoleRequestStore(db: Db): PassRoleRequestStore {
  const byId = db.prepare<[string], Row>("SELECT * FROM passrole_requests WHERE id = ?");
  return {
    async create(r: NewPassRoleRequest) {
      const id = randomUUID();
      try {
        db.prepare(
          `INSERT INTO passrole_requests (id, role_name, role_arn, ram_user, requester_id, requester, reason, duration, state, policy_name, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
        ).run(id, r.roleName, r.roleArn, r.ramUser, r.requesterId, r.requester, r.reason, r.duration, r.policyName, r.at, r.at);
      } catch (err) {
        if (isUniqueViolation(err)) throw new OpenRequestExistsError(r.ramUser, r.roleName);
        throw err;
      }
      return toRecord(byId.get(id)!);
    },
    async find(id) {
      const row = byId.get(id);
      return row ? toRecord(row) : null;
    },
    async list(q) {
      const params: Record<string, Param> = {};
      const where = querySql(q, params);
      const total = db.prepare(`SELECT COUNT(*) FROM passrole_requests ${where}`).pluck().get(params) as number;
      const rows = db
        .prepare<Record<string, Param>, Row>(`SELECT * FROM passrole_requests ${where} ORDER BY created_at DESC, rowid DESC LIMIT @limit`)
        .all({ ...params, limit: q.limit });
      return { requests: rows.map(toRecord), total };
    },
    async update(id, guard, change, at) {
      const params: Record<string, Param> = { id, at };
      const sets = (Object.keys(change) as (keyof PassRoleRequestChange)[])
        .filter((k) => change[k] !== undefined)
        .map((k) => {
          const [column, store] = COLUMNS[k] as [string, (v: unknown) => Param];
          params[`set_${k}`] = store(change[k]);
          return `${column} = @set_${k}`;
        });
      if (change.state !== undefined) sets.push("version = version + 1");
      sets.push("updated_at = @at");
      const info = db.prepare(`UPDATE passrole_requests SET ${sets.join(", ")} WHERE id = @id AND ${guardSql(guard, params)}`).run(params);
      if (info.changes !== 1) return null;
      return toRecord(byId.get(id)!);
    },
  };
}
