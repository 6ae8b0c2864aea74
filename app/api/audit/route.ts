import { NextResponse, type NextRequest } from "next/server";
import { listAudit } from "@/lib/audit";
import { parseAuditQuery, toAuditFilters } from "@/lib/audit/filters";
import { authorizeRequest } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

// One page of the audit log, newest first, with the same filters as the audit page (admins).
export async function GET(req: NextRequest) {
  const auth = await authorizeRequest(req, "audit:read");
  if (auth instanceof Response) return auth;
  const query = parseAuditQuery(req.nextUrl.searchParams);
  const page = await listAudit(toAuditFilters(query), { page: query.page, pageSize: 50 });
  return NextResponse.json(page, { headers: { "Cache-Control": "no-store" } });
}
