import "server-only";
import { randomUUID } from "node:crypto";
import { POSTGRES } from "../dialect";
import { guardSql, INSERT_REQUEST, Params, querySql, setSql } from "../requests-sql";
import { toRequest, type RequestRow } from "../rows";
import { OpenRequestExistsError, type NewPassRoleRequest, type PassRoleRequestStore } from "../types";
import { isUniqueViolation, type Queryable } from "./pool";

// Every transition is one UPDATE whose WHERE carries the guard. Under READ COMMITTED a second
// writer waits for the first one's row lock, then re-checks the WHERE against the row the first
// one committed: of any number of replicas racing, exactly one sees its guard hold.
export function postgresPassRoleRequestStore(db: Queryable): PassRoleRequestStore {
  return {
    async create(r: NewPassRoleRequest) {
      try {
        const values = [randomUUID(), r.roleName, r.roleArn, r.ramUser, r.requesterId, r.requester, r.requestedForId, r.requestedFor, r.reason, r.duration, r.policyName, r.at, r.at];
        return toRequest((await db.query<RequestRow>(`${INSERT_REQUEST(POSTGRES.param)} RETURNING *`, values)).rows[0]);
      } catch (err) {
        if (isUniqueViolation(err, "passrole_requests_open_pair")) throw new OpenRequestExistsError(r.ramUser, r.roleName);
        throw err;
      }
    },
    async find(id) {
      const row = (await db.query<RequestRow>("SELECT * FROM passrole_requests WHERE id = $1", [id])).rows[0];
      return row ? toRequest(row) : null;
    },
    async list(q) {
      const p = new Params(POSTGRES);
      const where = querySql(q, p);
      const total = (await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM passrole_requests ${where}`, p.values)).rows[0].n;
      const limit = p.add(q.limit);
      const rows = (await db.query<RequestRow>(`SELECT * FROM passrole_requests ${where} ORDER BY created_at DESC, id DESC LIMIT ${limit}`, p.values)).rows;
      return { requests: rows.map(toRequest), total };
    },
    async update(id, guard, change, at) {
      const p = new Params(POSTGRES);
      const sets = setSql(change, at, p);
      const { rows } = await db.query<RequestRow>(`UPDATE passrole_requests SET ${sets} WHERE id = ${p.add(id)} AND ${guardSql(guard, p)} RETURNING *`, p.values);
      return rows[0] ? toRequest(rows[0]) : null;
    },
  };
}
