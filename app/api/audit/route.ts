import { listAudit } from "@/lib/audit";
import { parseAuditQuery, toAuditFilters } from "@/lib/audit/filters";
import { authorizeRequest } from "@/lib/auth/session";
import { apiRoute, json } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// One page of the audit log, newest first, with the same filters as the audit page (admins).
export const GET = apiRoute(async (req: Request) => {
  const actor = await authorizeRequest(req, "audit:read");
  const query = parseAuditQuery(new URL(req.url).searchParams);
  return json(await listAudit(actor, toAuditFilters(query), { page: query.page, pageSize: 50 }));
});
