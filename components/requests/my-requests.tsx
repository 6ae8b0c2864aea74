"use client";

import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { utcMinute } from "@/components/approvals/format";
import { StateBadge } from "@/components/approvals/state-badge";
import { fetchJson, sendJson } from "@/components/ui/fetch-json";
import type { PassRoleRequestView } from "@/lib/approvals/types";

export const MY_REQUESTS_KEY = ["passrole-requests", "mine"];
const POLL_MS = 3000;

// The reader's own requests (filed by them, or for them), polled, so a decision shows up without reloading; a state that
// changed since the last poll is tinted and announced.
export function MyRequests() {
  const t = useTranslations("approvals");
  const tr = useTranslations("approvals.requests");
  const queries = useQueryClient();
  const q = useQuery({
    queryKey: MY_REQUESTS_KEY,
    queryFn: () => fetchJson<{ requests: PassRoleRequestView[] }>("/api/passrole-requests?mine=true"),
    refetchInterval: POLL_MS,
    staleTime: 0,
  });
  // The rows of the previous poll, kept to see which states changed (React's "previous render" pattern, no effect).
  const [previous, setPrevious] = useState<PassRoleRequestView[] | undefined>();
  const [changed, setChanged] = useState<{ ids: Set<string>; text: string }>({ ids: new Set(), text: "" });
  const [failure, setFailure] = useState<string>();
  const rowsNow = q.data?.requests;
  if (rowsNow && rowsNow !== previous) {
    setPrevious(rowsNow);
    const before = new Map((previous ?? []).map((r) => [r.id, r.state]));
    const moved = previous ? rowsNow.filter((r) => before.has(r.id) && before.get(r.id) !== r.state) : [];
    if (moved.length > 0) setChanged({ ids: new Set(moved.map((r) => r.id)), text: moved.map((r) => tr("changed", { role: r.roleName, state: t(`states.${r.state}`) })).join(" ") });
  }

  async function cancel(id: string) {
    try {
      await sendJson(`/api/passrole-requests/${id}/cancel`, "POST");
      setFailure(undefined);
    } catch (err) {
      setFailure(tr("cancelFailed", { message: err instanceof Error ? err.message : String(err) }));
    }
    await queries.invalidateQueries({ queryKey: MY_REQUESTS_KEY });
  }

  if (q.isPending) return <TableSkeleton rows={3} label={tr("mineTitle")} />;
  if (q.isError) return <ErrorState title={tr("loadFailed")} message={q.error.message} />;
  const rows = q.data.requests;
  return (
    <div className="space-y-2">
      <p role="status" aria-live="polite" className="sr-only" data-testid="request-changes">{changed.text}</p>
      {failure && <p role="alert" className="text-sm text-red-700">{failure}</p>}
      {rows.length === 0 ? (
        <EmptyState title={tr("mineEmpty")} />
      ) : (
        <Table aria-label={tr("mineTitle")} data-testid="my-requests">
          <THead>
            <tr>
              <TH>{t("columns.role")}</TH>
              <TH>{t("columns.ramUser")}</TH>
              <TH>{t("columns.duration")}</TH>
              <TH>{t("columns.state")}</TH>
              <TH>{t("columns.expires")}</TH>
              <TH>{t("columns.approver")}</TH>
            </tr>
          </THead>
          <tbody>
            {rows.map((r) => (
              <TR key={r.id} data-request={r.id} data-role={r.roleName} className={changed.ids.has(r.id) ? "bg-sky-50" : ""}>
                <TD>
                  <span className="block whitespace-nowrap font-mono text-xs text-slate-900">{r.roleName}</span>
                  <span className="block whitespace-nowrap text-[11px] text-slate-600">{tr("askedAt", { time: utcMinute(r.createdAt) })}</span>
                </TD>
                <TD>
                  <span className="block font-mono text-xs">{r.ramUser}</span>
                  {r.requester !== r.requestedFor && <span className="block whitespace-nowrap text-[11px] text-slate-600">{tr("askedBy", { name: r.requester })}</span>}
                </TD>
                <TD className="whitespace-nowrap text-xs">{t(`durations.${r.grantedDuration ?? r.duration}`)}</TD>
                <TD>
                  <span className="flex items-center gap-2">
                    <StateBadge state={r.state} />
                    {r.state === "pending" && <Button size="sm" className="whitespace-nowrap" onClick={() => void cancel(r.id)}>{tr("cancel")}</Button>}
                  </span>
                  {r.rejectReason && <p className="mt-0.5 max-w-64 text-xs text-slate-600">{r.rejectReason}</p>}
                  {r.failure && <p className="mt-0.5 max-w-64 break-words font-mono text-[11px] text-red-700">{r.failure.code}</p>}
                </TD>
                <TD className="whitespace-nowrap font-mono text-xs text-slate-600">{r.state === "granted" ? (utcMinute(r.expiresAt) || t("never")) : utcMinute(r.expiresAt)}</TD>
                <TD className="text-xs">{r.approver ?? ""}</TD>
              </TR>
            ))}
          </tbody>
        </Table>
      )}
      <p className="text-xs text-slate-500">{tr("mineLive")}</p>
    </div>
  );
}
