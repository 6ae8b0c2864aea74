import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "../connection";
import { SQLITE } from "../dialect";
import { guardSql, INSERT_REQUEST, Params, querySql, setSql } from "../requests-sql";
import { toRequest, type RequestRow } from "../rows";
import { OpenRequestExistsError, type NewPassRoleRequest, type PassRoleRequestStore } from "../types";

const isUniqueViolation = (err: unknown) => err instanceof Error && "code" in err && err.code === "SQLITE_CONSTRAINT_UNIQUE";

export function sqlitePassRoleRequestStore(db: Db): PassRoleRequestStore {
  const byId = db.prepare<[string], RequestRow>("SELECT * FROM passrole_requests WHERE id = ?");
  return {
    async create(r: NewPassRoleRequest) {
      const id = randomUUID();
      try {
        db.prepare(INSERT_REQUEST(SQLITE.param)).run(id, r.roleName, r.roleArn, r.ramUser, r.requesterId, r.requester, r.requestedForId, r.requestedFor, r.reason, r.duration, r.policyName, r.at, r.at);
      } catch (err) {
        if (isUniqueViolation(err)) throw new OpenRequestExistsError(r.ramUser, r.roleName);
        throw err;
      }
      return toRequest(byId.get(id)!);
    },
    async find(id) {
      const row = byId.get(id);
      return row ? toRequest(row) : null;
    },
    async list(q) {
      const p = new Params(SQLITE);
      const where = querySql(q, p);
      const total = db.prepare(`SELECT COUNT(*) FROM passrole_requests ${where}`).pluck().get(p.values) as number;
      const rows = db.prepare<unknown[], RequestRow>(`SELECT * FROM passrole_requests ${where} ORDER BY created_at DESC, rowid DESC LIMIT ?`).all([...p.values, q.limit]);
      return { requests: rows.map(toRequest), total };
    },
    async update(id, guard, change, at) {
      const p = new Params(SQLITE);
      const sets = setSql(change, at, p);
      const info = db.prepare(`UPDATE passrole_requests SET ${sets} WHERE id = ${p.add(id)} AND ${guardSql(guard, p)}`).run(p.values);
      if (info.changes !== 1) return null;
      return toRequest(byId.get(id)!);
    },
  };
}
