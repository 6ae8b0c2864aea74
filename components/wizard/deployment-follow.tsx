"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { DeploymentState } from "@/lib/setup/read-deployment";
import { StatusBadge } from "@/components/services/status-badge";
import { Badge } from "@/components/ui/badge";
import { EventRowsTable } from "@/components/services/event-rows-table";
import { ApiErrorNotice } from "./api-error-notice";
import { getJson } from "./post-json";

const POLL_MS = 1000;

/**
 * Follows a deployment live until the service is Running or Failed. Polling pauses while the tab
 * is hidden (TanStack Query's default) and stops once the service has settled.
 */
export function DeploymentFollow({ region, name }: { region: string; name: string }) {
  const t = useTranslations("wizard.deploy");
  const q = useQuery({
    queryKey: ["setup-deployment", region, name],
    queryFn: ({ signal }) => getJson<DeploymentState>(`/api/setup/deploy/status?region=${encodeURIComponent(region)}&name=${encodeURIComponent(name)}`, { signal }),
    refetchInterval: (query) => (query.state.data?.settled ? false : POLL_MS),
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
  if (q.isError) return <ApiErrorNotice error={q.error} />;
  const d = q.data;
  return (
    <div className="space-y-3" data-testid="deployment">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="text-slate-600">{t("status")}</span>
        {d ? <StatusBadge status={d.status} /> : <Badge tone="info">{t("starting")}</Badge>}
        {d && <span className="text-xs text-slate-600">{t("instances", { running: d.runningInstance, total: d.totalInstance })}</span>}
        <span className="text-xs text-slate-500" aria-live="polite">{d?.settled ? t("settled") : t("following")}</span>
      </div>
      {d?.status === "Failed" && (
        <p role="alert" className="text-sm text-red-900">{t("failed", { reason: d.reason || "—", message: d.message || "—" })}</p>
      )}
      {d && d.events.length > 0 && (
        <EventRowsTable events={d.events} label={t("eventsLabel")} now={new Date(q.dataUpdatedAt)} />
      )}
    </div>
  );
}
