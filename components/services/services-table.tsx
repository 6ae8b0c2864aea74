"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { ServiceRow } from "@/lib/inventory/types";
import { FilterSelect, SearchBox } from "./filter-controls";
import { ListStates } from "./list-states";
import { Freshness } from "./freshness";
import { HealthBadge } from "./health-badge";
import { Pager } from "./pager";
import { RoleModeCell } from "./role-mode-cell";
import { SortHeader } from "./sort-header";
import { StatusBadge } from "./status-badge";
import { useListParams } from "./use-list-params";
import { useListQuery } from "./use-list-query";

const STATUSES = ["Running", "Failed", "Creating", "Updating", "Waiting", "Stopped"];

export const serviceHref = (region: string, name: string) => `/services/${encodeURIComponent(region)}/${encodeURIComponent(name)}`;

export function ServicesTable({ regions }: { regions: string[] }) {
  const t = useTranslations("services");
  const format = useFormatter();
  const { params, qs, hrefWith, set, clear } = useListParams();
  const { data, error, isPending, isFetching, refresh, refreshing } = useListQuery<ServiceRow>("services", qs);
  const sort = params.get("sort") ?? "name";
  const filtered = ["q", "status", "mode", "health", "region"].some((k) => params.get(k));
  const any = { value: "", label: t("any") };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <SearchBox label={t("searchLabel")} placeholder={t("searchPlaceholder")} value={params.get("q") ?? ""} onChange={(q) => set({ q }, { replace: true })} />
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
          <Button size="sm" variant="ghost" onClick={clear}>
            {t("clearFilters")}
          </Button>
        )}
        <div className="ml-auto">
          <Freshness fetchedAt={data?.fetchedAt} refreshing={refreshing || (isFetching && !isPending)} onRefresh={refresh} />
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
            <Button size="sm" variant="ghost" onClick={clear}>
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
                <TH>{t("col.region")}</TH>
                <SortHeader label={t("col.status")} field="status" sort={sort} hrefWith={hrefWith} />
                <TH>{t("col.roleMode")}</TH>
                <TH>{t("col.health")}</TH>
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
                    <HealthBadge health={s.health} />
                  </TD>
                  <TD className="max-w-[18rem]">
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
                    {s.updateTime ? format.dateTime(new Date(s.updateTime), { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }) : ""}
                  </TD>
                </TR>
              ))}
            </tbody>
          </Table>
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} hrefWith={hrefWith} />
          </>
        )}
      </ListStates>
    </div>
  );
}
