import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { loadReach } from "@/lib/access/load-role-access";
import type { Reach } from "@/lib/access/reach";
import { reachQuerySchema } from "@/lib/access/schemas";
import { requireUser } from "@/lib/auth/session";
import { CloudError } from "@/lib/cloud/types";
import { fieldRules } from "@/lib/errors/zod-rules";
import { renderFields } from "@/lib/errors/render";
import type { Locale } from "@/i18n/config";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("access"))("title") };
}

const PAGE_SIZE = 50;
const inputClass = "w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600 aria-[invalid=true]:border-red-600";
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

// Who can reach a resource: the same answer as GET /api/access, the query kept in the URL.
export default async function AccessPage({ searchParams }: Props) {
  const me = await requireUser("inventory:read");
  const t = await getTranslations("access");
  const tc = await getTranslations("common");
  const locale = (await getLocale()) as Locale;
  const params = await searchParams;
  const action = first(params.action).trim();
  const resource = first(params.resource).trim();
  const page = Math.max(1, Number.parseInt(first(params.page), 10) || 1);
  const asked = action !== "" || resource !== "";
  const parsed = asked ? reachQuerySchema.safeParse({ action, resource }) : undefined;
  const problems = parsed && !parsed.success ? fieldRules(parsed.error, "query") : {};

  let body: React.ReactNode;
  if (!asked) body = <p className="text-sm text-slate-600">{t("prompt")}</p>;
  else if (!parsed?.success) body = <ErrorState title={t("invalid", { fields: Object.keys(problems).join(", ") })} fields={renderFields(locale, problems)} />;
  else {
    let entries: Reach[];
    try {
      entries = (await loadReach(getInventoryDeps(), me, parsed.data.action, parsed.data.resource)).entries;
    } catch (err) {
      if (!(err instanceof CloudError)) throw err;
      return (
        <>
          <PageHeader title={t("title")} description={t("intro")} />
          <ErrorState title={t("error")} code={err.code} message={err.message} requestId={err.requestId} requestIdLabel={tc("requestId")} />
        </>
      );
    }
    body = entries.length === 0 ? <EmptyState title={t("empty", { action: parsed.data.action, resource: parsed.data.resource })} /> : <Results entries={entries} page={page} action={parsed.data.action} resource={parsed.data.resource} />;
  }

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="space-y-4">
        <form method="get" action="/access" className="grid gap-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] sm:items-end">
          <div>
            <label htmlFor="reach-action" className="mb-0.5 block text-xs font-medium text-slate-700">{t("action")}</label>
            <input id="reach-action" name="action" defaultValue={action} placeholder="oss:GetObject" aria-invalid={problems.action ? true : undefined} className={inputClass} spellCheck={false} autoComplete="off" />
            <p className="mt-0.5 text-[11px] text-slate-500">{t("actionHint")}</p>
          </div>
          <div>
            <label htmlFor="reach-resource" className="mb-0.5 block text-xs font-medium text-slate-700">{t("resource")}</label>
            <input id="reach-resource" name="resource" defaultValue={resource} placeholder="acs:oss:*:*:models/model.bin" aria-invalid={problems.resource ? true : undefined} className={inputClass} spellCheck={false} autoComplete="off" />
            <p className="mt-0.5 text-[11px] text-slate-500">{t("resourceHint")}</p>
          </div>
          <button type="submit" className={`${buttonClasses("primary", "md")} mb-4`}>{t("submit")}</button>
        </form>
        {body}
      </div>
    </>
  );
}

async function Results({ entries, page, action, resource }: { entries: Reach[]; page: number; action: string; resource: string }) {
  const t = await getTranslations("access");
  const tp = await getTranslations("access.paths");
  const last = Math.max(1, Math.ceil(entries.length / PAGE_SIZE));
  const current = Math.min(page, last);
  const shown = entries.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const href = (p: number) => `/access?${new URLSearchParams({ action, resource, ...(p > 1 ? { page: String(p) } : {}) })}`;
  return (
    <Panel title={t("results", { count: entries.length, action, resource })}>
      <Table aria-label={t("listLabel")} data-testid="reach-results">
        <THead>
          <tr>
            <TH>{t("principal")}</TH>
            <TH>{t("via")}</TH>
            <TH>{t("statements")}</TH>
          </tr>
        </THead>
        <tbody>
          {shown.map((e) => (
            <TR key={`${e.principal.type}:${e.principal.name}:${e.via === "role" ? `${e.role}:${e.path.kind}:${e.path.roles.join(">")}` : ""}`} data-principal={`${e.principal.type}:${e.principal.name}`} data-via={e.via}>
              <TD className="whitespace-nowrap text-xs">
                <span className="mr-1.5 text-slate-500">{tp(`principalType.${e.principal.type}`)}</span>
                <span className="font-mono">{e.principal.name}</span>
              </TD>
              <TD className="text-xs">
                {e.via === "direct" ? (
                  <Badge tone="neutral">{t("direct")}</Badge>
                ) : (
                  <>
                    <Link className="text-blue-700 hover:underline" href={`/roles/${encodeURIComponent(e.role)}#access`}>{t("throughRole", { role: e.role })}</Link>{" "}
                    <span className="text-slate-600">{t("pathKind", { kind: tp(`kind.${e.path.kind}`) })}</span>
                  </>
                )}
              </TD>
              <TD className="font-mono text-xs">{e.statements.map((s) => `${s.policy}#${s.statementIndex}`).join(", ")}</TD>
            </TR>
          ))}
        </tbody>
      </Table>
      {last > 1 && (
        <nav aria-label={t("listLabel")} className="mt-3 flex items-center gap-2 text-xs">
          {Array.from({ length: last }, (_, i) => i + 1).map((p) =>
            p === current ? (
              <span key={p} aria-current="page" className={buttonClasses("primary", "sm")}>{p}</span>
            ) : (
              <Link key={p} href={href(p)} className={buttonClasses("secondary", "sm")}>{p}</Link>
            ),
          )}
        </nav>
      )}
    </Panel>
  );
}
