import { listAudit } from "@/lib/audit";
import { auditCsvHeader, auditCsvRow } from "@/lib/audit/csv";
import { auditQuerySchema, toAuditFilters } from "@/lib/audit/filters";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

const BATCH = 500;
const MAX_ROWS = 100_000;

// The filtered audit log as CSV, streamed in batches so a long log does not sit in memory (admins).
export const GET = apiRoute({ permission: "audit:read", query: auditQuerySchema }, async ({ actor, query }) => {
  const filters = toAuditFilters(query);
  const encoder = new TextEncoder();
  let beforeId: number | undefined;
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${auditCsvHeader()}\r\n`));
    },
    async pull(controller) {
      // Keyset paging: entries appended during the export cannot shift or repeat rows.
      const { entries } = await listAudit(actor, { ...filters, beforeId }, { page: 1, pageSize: BATCH });
      if (entries.length > 0) controller.enqueue(encoder.encode(entries.map((e) => `${auditCsvRow(e)}\r\n`).join("")));
      sent += entries.length;
      beforeId = entries.at(-1)?.id;
      if (entries.length < BATCH || sent >= MAX_ROWS) controller.close();
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="rolescope-audit-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
