"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Button } from "./button";

/** "Data as of 12:03:04 · Refresh": how old the cloud read is, and a way to read again. */
export function Freshness({ fetchedAt, refreshing, onRefresh }: { fetchedAt?: number; refreshing: boolean; onRefresh: () => void }) {
  const t = useTranslations("common");
  const format = useFormatter();
  return (
    <div className="flex items-center gap-2 text-xs text-slate-600" aria-live="polite">
      {fetchedAt !== undefined && (
        <>
          <span data-fetched-at={fetchedAt}>{t("fetchedAt", { time: format.dateTime(new Date(fetchedAt), { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }) })}</span>
          <span aria-hidden>·</span>
        </>
      )}
      <Button size="sm" variant="ghost" onClick={onRefresh} disabled={refreshing}>
        {refreshing ? t("refreshing") : t("refresh")}
      </Button>
    </div>
  );
}
