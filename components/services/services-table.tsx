"use client";

import Link from "next/link";
import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { formatStamp } from "@/i18n/format";
import { Button } from "@/components/ui/button";
import { FilterSelect, SearchBox } from "@/components/ui/filter-controls";
import { Freshness } from "@/components/ui/freshness";
import { ListStates } from "@/components/ui/list-states";
import { Pager } from "@/components/ui/pager";
import { SortHeader } from "@/components/ui/sort-header";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { useListParams } from "@/components/ui/use-list-params";
import { useListQuery } from "@/components/ui/use-list-query";
import { fetchJson } from "@/components/ui/fetch-json";
import { serviceHref } from "@/components/inventory/links";
import { PAGE_SIZES, SEARCH_MAX_LENGTH } from "@/components/inventory/list-options";
import { dropServerCache } from "@/components/inventory/refresh";
import type { Paged, ServiceListingRow, ServiceRow } from "@/lib/inventory/types";
import { HealthBadge, HealthChecking } from "./health-badge";
import { RoleModeCell } from "./role-mode-cell";
import { StatusBadge } from "./status-badge";
import { Legend } from "@/components/ui/legend";

const refreshList = () => dropServerCache({ what: "services" });
const FILTERS = ["q", "status", "mode", "health", "region"] as const;
const STATUSES = ["Running", "Failed", "Creating", "Updating", "Waiting", "Stopped"];

function withoutFacts(qs: string): string {
  const next = new URLSearchParams(qs);
  next.delete("facts");
  return next.toString();
}

/** `ignored`: parameters of the address the page could not use (it says so above the list). */
export function ServicesTable({ regions, ignored }: { regions: string[]; ignored?: Record<string, string> }) {
  const t = useTranslations("services");
  const locale = useLocale();
  const { params, qs: addressQs, hrefWith, set, clear } = useListParams(ignored);
  // `facts` is the API's choice, not the page's: the table asks for it itself.
  const qs = withoutFacts(addressQs);
  const full = useListQuery<Paged<ServiceRow>>("/api/services", qs, refreshList);
  const { error, isFetching, refresh, refreshing } = full;
  const sort = params.get("sort") ?? "name";
  // Until the first full answer, the rows EAS lists (seconds on a slow cloud, where each role's
  // health takes many calls), in the same order. Which rows a health filter keeps, and their
  // order by health, need the health: then only the full answer will do.
  const byHealth = Boolean(params.get("health")) || sort.replace(/^-/, "") === "health";
  const quick = useQuery({
    queryKey: ["/api/services", qs, "facts=none"],
    queryFn: () => fetchJson<Paged<ServiceListingRow>>(`/api/services?${qs ? `${qs}&` : ""}facts=none`),
    enabled: !byHealth && full.data === undefined,
    placeholderData: keepPreviousData,
  });
  const checking = full.data === undefined && !error && !byHealth && quick.data !== undefined;
  const data: Paged<ServiceRow | ServiceListingRow> | undefined = full.data ?? (byHealth ? undefined : quick.data);
  const isPending = full.isPending && data === undefined;
  // Once rows were shown before their health, its arrival is announced too.
  const [shownEarly, setShownEarly] = useState(false);
  if (checking && !shownEarly) setShownEarly(true);
  // Rows were on screen and a health sort or filter took them away: say why they wait.
  const waitingByHealth = byHealth && shownEarly && full.data === undefined && !error;
  const filtered = FILTERS.some((k) => params.get(k));
  const any = { value: "", label: t("any") };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <SearchBox label={t("searchLabel")} placeholder={t("searchPlaceholder")} value={params.get("q") ?? ""} maxLength={SEARCH_MAX_LENGTH} onChange={(q) => set({ q }, { replace: true })} />
        <FilterSelect
          label={t("regionLabel")}
          value={params.get("region") ?? ""}
          options={[{ value: "", label: t("allRegions") }, ...regions.map((r) => ({ value: r, label: r }))]}
          onChange={(region) => set({ region })}
        />
        <FilterSelect label={t("statusLabel")} value={params.get("status") ?? ""} options={[any, ...STATUSES.map((s) => ({ value: s, label: s }))]} onChange={(status) => set({ status })} />
        <FilterSelect
          label={t("modeLabel")}
          value={params.get("mode") ?? ""}
          options={[any, ...(["none", "default", "custom"] as const).map((m) => ({ value: m, label: t(`mode.${m}`) }))]}
          onChange={(mode) => set({ mode })}
        />
        <FilterSelect
          label={t("healthLabel")}
          value={params.get("health") ?? ""}
          options={[any, ...(["ok", "problem", "none"] as const).map((h) => ({ value: h, label: t(`health.${h}`) }))]}
          onChange={(health) => set({ health })}
        />
        {filtered && (
          <Button size="sm" variant="ghost" onClick={() => clear(FILTERS)}>
            {t("clearFilters")}
          </Button>
        )}
        <div className="ml-auto flex items-center gap-3">
          {/* Always in the page, so that screen readers hear what is written into it. */}
          <p role="status" className="text-xs text-slate-500" data-testid="health-checking-status">
            {checking ? t("checking") : waitingByHealth ? t("checkingByHealth") : shownEarly && full.data !== undefined ? <span className="sr-only">{t("checked")}</span> : null}
          </p>
          <Freshness fetchedAt={data?.fetchedAt} refreshing={refreshing || (isFetching && !full.isPending)} onRefresh={refresh} />
        </div>
      </div>

      <ListStates
        data={data}
        error={error}
        isPending={isPending}
        errorTitle={t("loadError")}
        emptyTitle={filtered ? t("empty") : t("emptyAccount")}
        emptyAction={
          filtered && (
            <Button size="sm" variant="ghost" onClick={() => clear(FILTERS)}>
              {t("clearFilters")}
            </Button>
          )
        }
        onRetry={refresh}
      >
        {(data) => (
          <>
          <Table aria-label={t("tableLabel")}>
            <THead>
              <tr>
                <SortHeader label={t("col.name")} field="name" sort={sort} hrefWith={hrefWith} />
                <SortHeader label={t("col.region")} field="region" sort={sort} hrefWith={hrefWith} />
                <SortHeader label={t("col.status")} field="status" sort={sort} hrefWith={hrefWith} />
                <SortHeader label={t("col.roleMode")} field="role" sort={sort} hrefWith={hrefWith} />
                <SortHeader label={t("col.health")} field="health" sort={sort} hrefWith={hrefWith} />
                <TH>{t("col.warning")}</TH>
                <SortHeader label={t("col.updated")} field="updated" sort={sort} hrefWith={hrefWith} />
              </tr>
            </THead>
            <tbody>
              {data.items.map((s) => (
                <TR key={`${s.region}/${s.name}`} data-testid={`service-row-${s.name}`}>
                  <TD>
                    <Link href={serviceHref(s.region, s.name)} className="whitespace-nowrap font-medium text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
                      {s.name}
                    </Link>
                  </TD>
                  <TD className="whitespace-nowrap text-slate-600">{s.region}</TD>
                  <TD>
                    <StatusBadge status={s.status} />
                  </TD>
                  <TD>
                    <RoleModeCell mode={s.roleMode} roleName={s.roleName} />
                  </TD>
                  <TD>
                    {/* As wide as most verdicts, so the columns barely move when the health comes in. */}
                    <div className="min-w-36">{"health" in s ? <HealthBadge health={s.health} /> : <HealthChecking />}</div>
                  </TD>
                  {/* The warning takes the width the other columns leave, cut short (the title holds all of it), so the table fits its card. */}
                  <TD className="w-full min-w-40 max-w-0">
                    {s.warning ? (
                      <span className="block truncate text-xs" title={`${s.warning.reason}: ${s.warning.message}`}>
                        <span className="font-medium text-slate-800">{s.warning.reason}</span>
                        {s.warning.message && <span className="text-slate-600"> · {s.warning.message}</span>}
                      </span>
                    ) : (
                      <span className="text-slate-500">{t("noWarning")}</span>
                    )}
                  </TD>
                  <TD className="whitespace-nowrap text-xs text-slate-600">
                    {s.updateTime ? formatStamp(new Date(s.updateTime), locale, "short") : ""}
                  </TD>
                </TR>
              ))}
            </tbody>
          </Table>
          <Legend label={t("legend.label")} items={[{ tone: "danger", text: t("legend.danger") }, { tone: "warning", text: t("legend.warning") }, { tone: "success", text: t("legend.success") }]} />
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} hrefWith={hrefWith} pageSizes={PAGE_SIZES} onPageSize={(n) => set({ pageSize: n === PAGE_SIZES[0] ? undefined : String(n) })} />
          </>
        )}
      </ListStates>
    </div>
  );
}
