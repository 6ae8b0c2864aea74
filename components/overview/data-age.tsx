import { getFormatter, getTranslations } from "next-intl/server";

/**
 * How old a panel's data is. Past the cache's TTL the panel shows what was last read while a
 * fresh read runs (lib/inventory/stale-while-revalidate.ts): it says so, and how long ago.
 */
export async function DataAge({ fetchedAt, ttlMs }: { fetchedAt: number; ttlMs: number }) {
  const t = await getTranslations("overview");
  const format = await getFormatter();
  const now = new Date();
  const time = format.dateTime(new Date(fetchedAt), { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  const stale = now.getTime() - fetchedAt >= ttlMs;
  return (
    <p className={`mt-3 text-[11px] ${stale ? "text-amber-800" : "text-slate-500"}`} data-fetched-at={fetchedAt} data-stale={stale || undefined}>
      {stale ? t("dataStale", { time, ago: format.relativeTime(new Date(fetchedAt), now) }) : t("dataAsOf", { time })}
    </p>
  );
}
