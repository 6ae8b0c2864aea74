import "server-only";
import type { Db } from "../connection";
import { toAuditEntry as toEntry, type AuditRow as Row } from "../rows";
import type { AuditFilters, AuditStore, NewAuditEntry } from "../types";

const CLAUSES: { key: keyof AuditFilters; sql: string }[] = [
  { key: "actor", sql: "actor = @actor" },
  { key: "action", sql: "action = @action" },
  { key: "outcome", sql: "outcome = @outcome" },
  { key: "from", sql: "at >= @from" },
  { key: "to", sql: "at <= @to" },
  { key: "beforeId", sql: "id < @beforeId" },
];

function where(f: AuditFilters): { sql: string; params: Record<string, string | number> } {
  const used = CLAUSES.filter((c) => f[c.key] !== undefined && f[c.key] !== "");
  const params = Object.fromEntries(used.map((c) => [c.key, f[c.key] as string | number]));
  return { sql: used.length ? `WHERE ${used.map((c) => c.sql).join(" AND ")}` : "", params };
}

// INSERT and SELECT only; the table's triggers also refuse UPDATE and DELETE.
export function sqliteAuditStore(db: Db): AuditStore {
  return {
    async append(e: NewAuditEntry) {
      const info = db
        .prepare("INSERT INTO audit_log (at, actor, action, target, outcome, request_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .run(e.at, e.actor, e.action, e.target, e.outcome, e.requestId, e.detail ? JSON.stringify(e.detail) : null);
      return { ...e, id: Number(info.lastInsertRowid) };
    },
    async list(filters, offset, limit) {
      const w = where(filters);
      const total = db.prepare(`SELECT COUNT(*) FROM audit_log ${w.sql}`).pluck().get(w.params) as number;
      const rows = db
        .prepare<Record<string, string | number>, Row>(`SELECT * FROM audit_log ${w.sql} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
        .all({ ...w.params, limit, offset });
      return { entries: rows.map(toEntry), total };
    },
    async actions() {
      return db.prepare("SELECT DISTINCT action FROM audit_log ORDER BY action").pluck().all() as string[];
    },
  };
}
