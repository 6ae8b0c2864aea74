import { listAudit } from "@/lib/audit";
import { auditQuerySchema, toAuditFilters } from "@/lib/audit/filters";
import { apiRoute, json } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// One page of the audit log, newest first, with the same filters as the audit page (admins).
export const GET = apiRoute({ permission: "audit:read", query: auditQuerySchema }, async ({ actor, query }) => {
  return json(await listAudit(actor, toAuditFilters(query), { page: query.page, pageSize: 50 }));
});
