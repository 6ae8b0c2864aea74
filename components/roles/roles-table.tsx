"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FilterSelect, SearchBox } from "@/components/ui/filter-controls";
import { Freshness } from "@/components/ui/freshness";
import { ListNotice } from "@/components/ui/list-notice";
import { ListStates } from "@/components/ui/list-states";
import { Pager } from "@/components/ui/pager";
import { SortHeader } from "@/components/ui/sort-header";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { useListParams } from "@/components/ui/use-list-params";
import { useListQuery } from "@/components/ui/use-list-query";
import { roleHref, serviceHref } from "@/components/inventory/links";
import { PAGE_SIZES, SEARCH_MAX_LENGTH } from "@/components/inventory/list-options";
import { dropServerCache } from "@/components/inventory/refresh";
import type { Paged, RoleRow } from "@/lib/inventory/types";
import { PrincipalList } from "./principal-list";
import { easAssumeTone } from "@/components/roles/eas-assume-tone";
import { Legend } from "@/components/ui/legend";
import { Breakable } from "@/components/ui/breakable";

const refreshList = () => dropServerCache({ what: "roles" });

/** The roles list also says whether EAS could be read: without it, no role shows its services. */
type RolesPage = Paged<RoleRow> & { usage?: { available: boolean; error?: { code: string; message: string; requestId?: string } } };
const FILTERS = ["q", "eas"] as const;
const SHOWN = 3;

function Capped<T>({ items, render, empty }: { items: T[]; render: (item: T) => ReactNode; empty: string }) {
  const t = useTranslations("roles");
  if (items.length === 0) return <span className="text-xs text-slate-600">{empty}</span>;
  return (
    <ul className="space-y-0.5">
      {items.slice(0, SHOWN).map((item, i) => (
        <li key={i}>{render(item)}</li>
      ))}
      {items.length > SHOWN && <li className="text-xs text-slate-500">{t("more", { count: items.length - SHOWN })}</li>}
    </ul>
  );
}

const link = "text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600";

/** `ignored`: parameters of the address the page could not use (it says so above the list). */
export function RolesTable({ ignored }: { ignored?: Record<string, string> }) {
  const t = useTranslations("roles");
  const tc = useTranslations("common");
  const { params, qs, hrefWith, set, clear } = useListParams(ignored);
  const { data, error, isPending, isFetching, refresh, refreshing } = useListQuery<RolesPage>("/api/roles", qs, refreshList);
  const usageError = data?.usage?.available === false ? data.usage.error : undefined;
  const sort = params.get("sort") ?? "name";
  const filtered = FILTERS.some((k) => params.get(k));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <SearchBox label={t("searchLabel")} placeholder={t("searchPlaceholder")} value={params.get("q") ?? ""} maxLength={SEARCH_MAX_LENGTH} onChange={(q) => set({ q }, { replace: true })} />
        <FilterSelect
          label={t("easLabel")}
          value={params.get("eas") ?? ""}
          options={[{ value: "", label: t("any") }, { value: "yes", label: t("yes") }, { value: "no", label: t("no") }]}
          onChange={(eas) => set({ eas })}
        />
        {filtered && (
          <Button size="sm" variant="ghost" onClick={() => clear(FILTERS)}>
            {t("clearFilters")}
          </Button>
        )}
        <div className="ml-auto">
          <Freshness fetchedAt={data?.fetchedAt} refreshing={refreshing || (isFetching && !isPending)} onRefresh={refresh} />
        </div>
      </div>

      {data?.usage?.available === false && (
        <ListNotice title={t("usageUnavailable.title")} testId="usage-unavailable">
          <p>{t("usageUnavailable.body")}</p>
          {usageError && (
            <p className="mt-1 flex flex-wrap gap-x-4 text-xs">
              <span>
                <code className="rounded bg-amber-100 px-1 font-mono">{usageError.code}</code> {usageError.message}
              </span>
              {usageError.requestId && (
                <span>
                  {tc("requestId")}: <code className="font-mono">{usageError.requestId}</code>
                </span>
              )}
            </p>
          )}
        </ListNotice>
      )}

      <ListStates
        data={data}
        error={error}
        isPending={isPending}
        errorTitle={t("loadError")}
        emptyTitle={filtered ? t("empty") : t("emptyAccount")}
        onRetry={refresh}
      >
        {(data) => (
          <>
          <Table aria-label={t("tableLabel")}>
            <THead>
              <tr>
                <SortHeader label={t("col.name")} field="name" sort={sort} hrefWith={hrefWith} />
                <TH>{t("col.principals")}</TH>
                <TH>{t("col.eas")}</TH>
                <TH>{t("col.policies")}</TH>
                <SortHeader label={t("col.usedBy")} field="services" sort={sort} hrefWith={hrefWith} />
                <TH title={t("passersTitle")}>{t("col.passers")}</TH>
              </tr>
            </THead>
            <tbody>
              {data.items.map((r) => (
                <TR key={r.name} data-testid={`role-row-${r.name}`}>
                  <TD className="max-w-[12rem]">
                    <Link href={roleHref(r.name)} className={`font-mono text-xs font-medium ${link}`}>
                      {r.name}
                    </Link>
                    {r.description && <p className="mt-0.5 truncate text-xs text-slate-500" title={r.description} data-verbatim>{r.description}</p>}
                  </TD>
                  <TD>{r.trustError ? <Badge tone="danger">{t("trustError")}</Badge> : <PrincipalList principals={r.principals} />}</TD>
                  <TD>
                    <Badge tone={easAssumeTone(r.easCanAssume)} dot title={r.easCanAssume ? t("easYesTitle") : t("easNoTitle")}>
                      {r.easCanAssume ? t("yes") : t("no")}
                    </Badge>
                  </TD>
                  <TD>
                    <Capped
                      items={r.policies}
                      empty={t("noPolicies")}
                      render={(p) => (
                        <Link href={`${roleHref(r.name)}#policy-${encodeURIComponent(p.name)}`} title={p.name} className={`block max-w-[13rem] font-mono text-xs [overflow-wrap:anywhere] ${link}`}>
                          <Breakable text={p.name} />
                        </Link>
                      )}
                    />
                  </TD>
                  <TD>
                    <Capped
                      items={r.usedBy}
                      empty={data.usage?.available === false ? t("usageUnknown") : t("noServices")}
                      render={(s) => (
                        <span className="flex flex-wrap items-baseline gap-x-1 text-xs">
                          <Link href={serviceHref(s.region, s.name)} className={`whitespace-nowrap ${link}`}>
                            {s.name}
                          </Link>
                          <span className="whitespace-nowrap text-[11px] text-slate-600">{s.region}</span>
                        </span>
                      )}
                    />
                  </TD>
                  <TD>
                    <Capped items={r.passers} empty={t("nobody")} render={(u) => <span className="text-xs">{u}</span>} />
                  </TD>
                </TR>
              ))}
            </tbody>
          </Table>
          <Legend label={t("legend.label")} items={[{ tone: easAssumeTone(true), text: t("legend.yes") }, { tone: easAssumeTone(false), text: t("legend.no") }]} />
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} hrefWith={hrefWith} pageSizes={PAGE_SIZES} onPageSize={(n) => set({ pageSize: n === PAGE_SIZES[0] ? undefined : String(n) })} />
          </>
        )}
      </ListStates>
    </div>
  );
}
