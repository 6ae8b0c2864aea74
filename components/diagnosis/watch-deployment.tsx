"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { fetchJson } from "@/components/ui/fetch-json";
import { unpackMessage } from "@/components/services/event-message";
import { DEPLOYING, diagnosisUrl, type LiveDiagnosis } from "./api";

const POLL_MS = 1500;
// EAS sends `2006-01-02 15:04:05` in UTC.
const eventDate = (time: string) => new Date(`${time.replace(" ", "T")}Z`);

function subscribeVisibility(onChange: () => void) {
  document.addEventListener("visibilitychange", onChange);
  return () => document.removeEventListener("visibilitychange", onChange);
}

const usePageHidden = () => useSyncExternalStore(subscribeVisibility, () => document.visibilityState === "hidden", () => false);

/**
 * Follows a deployment live: the service and its newest events, read afresh every 1.5 s while
 * the tab is visible (TanStack Query pauses the interval for a hidden tab), until EAS says it
 * ended; then hands the final diagnosis back.
 */
export function WatchDeployment({ region, name, onEnded }: { region: string; name: string; onEnded: (d: LiveDiagnosis) => void }) {
  const t = useTranslations("diagnosis.watch");
  const format = useFormatter();
  const hidden = usePageHidden();
  const [startedAt] = useState(() => Date.now());
  const live = useQuery({
    queryKey: ["diagnosis-live", region, name, startedAt],
    queryFn: () => fetchJson<LiveDiagnosis>(diagnosisUrl(region, name, true)),
    refetchInterval: (q) => (q.state.data && !DEPLOYING.has(q.state.data.status) ? false : POLL_MS),
    refetchIntervalInBackground: false,
    staleTime: 0,
    gcTime: 0,
  });
  const status = live.data?.status;
  const ended = status !== undefined && !DEPLOYING.has(status);
  const told = useRef(false);
  useEffect(() => {
    if (!ended || !live.data || told.current) return;
    told.current = true;
    onEnded(live.data);
  }, [ended, live.data, onEnded]);
  return (
    <section aria-label={t("events")} className="space-y-2 rounded border border-sky-200 bg-sky-50/60 p-3" data-testid="watch" data-status={status ?? ""}>
      <p className="flex flex-wrap items-center gap-2 text-sm" role="status" aria-live="polite">
        <Badge tone={ended ? (status === "Running" ? "success" : "danger") : "info"} dot>
          {status ?? "…"}
        </Badge>
        <span>{ended ? t("ended", { status: status ?? "" }) : t("watching", { status: status ?? "…" })}</span>
        {hidden && !ended && <span className="text-xs text-slate-500">{t("paused")}</span>}
      </p>
      {live.error && <p className="text-xs text-red-800">{t("error", { message: live.error.message })}</p>}
      {live.data?.events && live.data.events.length > 0 && (
        <ol className="space-y-0.5 font-mono text-[11px] text-slate-700">
          {live.data.events.map((e, i) => (
            <li key={`${e.time}-${i}`} className={e.type === "Warning" ? "text-amber-900" : ""}>
              <time dateTime={eventDate(e.time).toISOString()} className="text-slate-500">{format.dateTime(eventDate(e.time), { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })}</time> {e.reason} ·{" "}
              {(() => {
                const m = unpackMessage(e.message);
                return [m.text, ...m.fields.map(([k, v]) => `${k} ${v}`)].filter(Boolean).join(" · ");
              })()}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
