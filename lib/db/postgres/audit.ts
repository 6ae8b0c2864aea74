import "server-only";
import { POSTGRES } from "../dialect";
import { Params } from "../requests-sql";
import { toAuditEntry, type AuditRow } from "../rows";
import type { AuditFilters, AuditStore, NewAuditEntry } from "../types";
import type { Queryable } from "./pool";

const CLAUSES: { key: keyof AuditFilters; sql: (p: string) => string }[] = [
  { key: "actor", sql: (p) => `actor = ${p}` },
  { key: "action", sql: (p) => `action = ${p}` },
  { key: "outcome", sql: (p) => `outcome = ${p}` },
  { key: "from", sql: (p) => `at >= ${p}` },
  { key: "to", sql: (p) => `at <= ${p}` },
  { key: "beforeId", sql: (p) => `id < ${p}` },
];

function where(f: AuditFilters, p: Params): string {
  const used = CLAUSES.filter((c) => f[c.key] !== undefined && f[c.key] !== "");
  return used.length ? `WHERE ${used.map((c) => c.sql(p.add(f[c.key] as string | number))).join(" AND ")}` : "";
}

// INSERT and SELECT only; the table's triggers also refuse UPDATE, DELETE and TRUNCATE.
export function postgresAuditStore(db: Queryable): AuditStore {
  return {
    async append(e: NewAuditEntry) {
      const { rows } = await db.query<{ id: number }>(
        "INSERT INTO audit_log (at, actor, action, target, outcome, request_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        [e.at, e.actor, e.action, e.target, e.outcome, e.requestId, e.detail ? JSON.stringify(e.detail) : null],
      );
      return { ...e, id: rows[0].id };
    },
    async list(filters, offset, limit) {
      const p = new Params(POSTGRES);
      const w = where(filters, p);
      const total = (await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM audit_log ${w}`, p.values)).rows[0].n;
      const page = `LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`;
      const rows = (await db.query<AuditRow>(`SELECT * FROM audit_log ${w} ORDER BY id DESC ${page}`, p.values)).rows;
      return { entries: rows.map(toAuditEntry), total };
    },
    async actions() {
      return (await db.query<{ action: string }>("SELECT DISTINCT action FROM audit_log ORDER BY action")).rows.map((r) => r.action);
    },
  };
}
