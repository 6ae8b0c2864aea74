"use client";

import Link from "next/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { EmptyState, ErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { fetchJson } from "@/components/ui/fetch-json";
import type { PassRoleRequestView } from "@/lib/approvals/types";
import { utcMinute } from "./format";
import { StateBadge } from "./state-badge";

const FILTERS = ["pending", "granted", "all"] as const;
type Filter = (typeof FILTERS)[number];
const POLL_MS = 5000;

// Every request, polled; waiting ones first by default. Each row opens the review.
export function ApprovalsTable() {
  const t = useTranslations("approvals");
  const [filter, setFilter] = useState<Filter>("pending");
  const q = useQuery({
    queryKey: ["passrole-requests", "all", filter],
    queryFn: () => fetchJson<{ requests: PassRoleRequestView[]; total: number }>(`/api/passrole-requests${filter === "all" ? "" : `?state=${filter}`}`),
    refetchInterval: POLL_MS,
    staleTime: 0,
  });
  return (
    <div className="space-y-2">
      <div role="group" aria-label={t("list.filter")} className="flex items-center gap-1">
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            onClick={() => setFilter(f)}
            className={`rounded px-2.5 py-1 text-xs font-medium ${filter === f ? "bg-blue-600 text-white" : "bg-white text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"}`}
          >
            {t(`list.filters.${f}`)}
          </button>
        ))}
        {q.data && <span className="ml-2 text-xs text-slate-500">{t("list.count", { count: q.data.total })}</span>}
      </div>
      {q.isPending ? (
        <TableSkeleton rows={5} label={t("list.title")} />
      ) : q.isError ? (
        <ErrorState title={t("requests.loadFailed")} message={q.error.message} />
      ) : q.data.requests.length === 0 ? (
        <EmptyState title={t("list.empty")} />
      ) : (
        <Table aria-label={t("list.title")} data-testid="approvals-table">
          <THead>
            <tr>
              <TH>{t("columns.asked")}</TH>
              <TH>{t("columns.requester")}</TH>
              <TH>{t("columns.ramUser")}</TH>
              <TH>{t("columns.role")}</TH>
              <TH>{t("columns.duration")}</TH>
              <TH>{t("columns.state")}</TH>
              <TH>{t("columns.reason")}</TH>
              <TH><span className="sr-only">{t("columns.actions")}</span></TH>
            </tr>
          </THead>
          <tbody>
            {q.data.requests.map((r) => (
              <TR key={r.id} data-request={r.id}>
                <TD className="whitespace-nowrap font-mono text-xs text-slate-600">{utcMinute(r.createdAt)}</TD>
                <TD className="text-xs">{r.requester}</TD>
                <TD className="font-mono text-xs">{r.ramUser}</TD>
                <TD className="font-mono text-xs">{r.roleName}</TD>
                <TD className="whitespace-nowrap text-xs">{t(`durations.${r.grantedDuration ?? r.duration}`)}</TD>
                <TD><StateBadge state={r.state} /></TD>
                <TD className="max-w-80 truncate text-xs text-slate-600" title={r.reason}>{r.reason}</TD>
                <TD className="text-right">
                  <Link href={`/approvals/${r.id}`} className="text-xs font-medium text-blue-700 hover:underline" aria-label={`${t("list.review")} ${r.ramUser} → ${r.roleName}`}>
                    {t("list.review")}
                  </Link>
                </TD>
              </TR>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
