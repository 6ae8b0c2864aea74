import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { EventsPage } from "@/lib/inventory/load-service-detail";

// EAS sends `2006-01-02 15:04:05` in UTC.
const eventDate = (time: string) => new Date(`${time.replace(" ", "T")}Z`);

/** A page of deployment events, Warning rows marked, with links to the other pages. */
export function EventsTable({ events, hrefFor }: { events: EventsPage; hrefFor: (page: number) => string }) {
  const t = useTranslations("service-detail");
  const tc = useTranslations("common");
  const format = useFormatter();
  if (events.items.length === 0) return <EmptyState title={t("noEvents")} />;
  const pages = Math.max(1, events.totalPages);
  const nav = (page: number, label: string, text: string) =>
    page < 1 || page > pages ? (
      <span aria-disabled="true" className={`${buttonClasses("secondary", "sm")} opacity-50`}>{text}</span>
    ) : (
      <Link href={hrefFor(page)} scroll={false} aria-label={label} className={buttonClasses("secondary", "sm")}>{text}</Link>
    );
  return (
    <div className="space-y-2">
      <Table aria-label={t("eventsLabel")}>
        <THead>
          <tr>
            <TH>{t("eventTime")}</TH>
            <TH>{t("eventType")}</TH>
            <TH>{t("eventReason")}</TH>
            <TH>{t("eventMessage")}</TH>
          </tr>
        </THead>
        <tbody>
          {events.items.map((e, i) => {
            const warning = e.type === "Warning";
            const date = eventDate(e.time);
            return (
              <TR key={i} className={warning ? "bg-amber-50/60" : ""} data-event-type={e.type}>
                <TD className="whitespace-nowrap text-xs text-slate-600">
                  {Number.isNaN(date.getTime()) ? e.time : format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" })}
                </TD>
                <TD>
                  <Badge tone={warning ? "warning" : "neutral"}>{warning ? t("warning") : t("normal")}</Badge>
                </TD>
                <TD className="whitespace-nowrap font-mono text-xs" data-event-reason>{e.reason}</TD>
                <TD className="break-words text-xs">{e.message}</TD>
              </TR>
            );
          })}
        </tbody>
      </Table>
      <nav aria-label={tc("pagination")} className="flex items-center justify-end gap-2 text-xs text-slate-600">
        <span>{t("eventsPageInfo", { page: events.page, pages })}</span>
        {nav(events.page - 1, tc("prev"), "‹")}
        {nav(events.page + 1, tc("next"), "›")}
      </nav>
    </div>
  );
}
