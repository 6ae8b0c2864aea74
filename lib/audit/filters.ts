import { z } from "zod";
import type { AuditFilters } from "../db/types";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dateFormat");
const text = z.string().trim().min(1).max(200);

// The audit page's URL and the CSV export read the same query parameters.
export const auditQuerySchema = z.object({
  actor: text.optional().catch(undefined),
  action: text.optional().catch(undefined),
  outcome: z.enum(["success", "failure", "denied"]).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
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

/** Dates are whole UTC days: `to` includes the whole of its day. */
export function toAuditFilters(q: AuditQuery): AuditFilters {
  return {
    actor: q.actor,
    action: q.action,
    outcome: q.outcome,
    from: q.from ? `${q.from}T00:00:00.000Z` : undefined,
    to: q.to ? `${q.to}T23:59:59.999Z` : undefined,
  };
}
