import { z } from "zod";
import type { AuditFilters } from "../db/types";

// UTC, in the one unambiguous order: a day, or a day and a time to the minute ("2026-01-31 14:05").
const when = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?$/, "dateFormat")
  .refine((v) => !Number.isNaN(Date.parse(`${v.slice(0, 10)}T${v.length > 10 ? v.slice(11) : "00:00"}:00Z`)), "dateFormat");
const text = z.string().trim().min(1).max(200);

// The audit page's URL and the CSV export read the same query parameters.
export const auditQuerySchema = z.object({
  actor: text.optional().catch(undefined),
  action: text.optional().catch(undefined),
  outcome: z.enum(["success", "failure", "denied"]).optional().catch(undefined),
  from: when.optional().catch(undefined),
  to: when.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;

export function parseAuditQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): AuditQuery {
  const entries =
    params instanceof URLSearchParams
      ? Object.fromEntries(params.entries())
      : Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const cleaned = Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined && v !== ""));
  return auditQuerySchema.parse(cleaned);
}

/** The instant a bound names: a day alone is its whole UTC day, a time its whole minute, `to` included. */
function bound(v: string, end: boolean): string {
  const day = v.slice(0, 10);
  if (v.length === 10) return `${day}T${end ? "23:59:59.999" : "00:00:00.000"}Z`;
  return `${day}T${v.slice(11, 16)}:${end ? "59.999" : "00.000"}Z`;
}

export function toAuditFilters(q: AuditQuery): AuditFilters {
  return {
    actor: q.actor,
    action: q.action,
    outcome: q.outcome,
    from: q.from ? bound(q.from, false) : undefined,
    to: q.to ? bound(q.to, true) : undefined,
  };
}
