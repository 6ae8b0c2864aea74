import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { listAudit, listAuditActions } from "@/lib/audit";
import { parseAuditQuery, toAuditFilters, type AuditQuery } from "@/lib/audit/filters";
import { requireUser } from "@/lib/auth/session";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("audit"))("nav") });
export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

function queryString(q: AuditQuery, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "outcome", "from", "to"] as const) if (q[key]) params.set(key, q[key]);
  if (page && page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}

// Admins: who did what, when, with what outcome; filtered by the URL, exportable as CSV.
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireUser("audit:read");
  const t = await getTranslations("audit");
  const query = parseAuditQuery(await searchParams);
  const [result, actions] = await Promise.all([listAudit(me, toAuditFilters(query), { page: query.page, pageSize: PAGE_SIZE }), listAuditActions(me)]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={<a href={`/api/audit/export${queryString(query)}`} className={buttonClasses("secondary", "sm")} download>{t("export")}</a>}
      />
      <AuditFilters query={query} actions={actions} />
      <p className="mb-2 text-xs text-slate-500" data-testid="audit-summary">
        {t("summary", { total: result.total, page: result.page, pages: result.pages })}
      </p>
      <AuditTable entries={result.entries} />
      {result.pages > 1 && (
        <nav aria-label={t("paging")} className="mt-3 flex gap-2">
          {result.page > 1 && <a className={buttonClasses("secondary", "sm")} href={`/audit${queryString(query, result.page - 1)}`}>{t("previous")}</a>}
          {result.page < result.pages && <a className={buttonClasses("secondary", "sm")} href={`/audit${queryString(query, result.page + 1)}`}>{t("next")}</a>}
        </nav>
      )}
    </>
  );
}
