import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { EventsPage, EventType } from "@/lib/inventory/load-service-detail";
import { unpackMessage } from "./event-message";

// EAS sends `2006-01-02 15:04:05` in UTC.
const eventDate = (time: string) => new Date(`${time.replace(" ", "T")}Z`);
const TYPES: (EventType | undefined)[] = [undefined, "Normal", "Warning"];

export interface EventsLinks {
  page: (page: number) => string;
  type: (type: EventType | undefined) => string;
}

function Filter({ current, href }: { current?: EventType; href: EventsLinks["type"] }) {
  const t = useTranslations("service-detail");
  return (
    <nav aria-label={t("eventFilter")} className="flex gap-1">
      {TYPES.map((type) => {
        const active = type === current;
        return (
          <Link
            key={type ?? "all"}
            href={href(type)}
            scroll={false}
            aria-current={active ? "true" : undefined}
            className={`${buttonClasses(active ? "primary" : "secondary", "sm")}`}
          >
            {type === undefined ? t("allEvents") : type === "Warning" ? t("warning") : t("normal")}
          </Link>
        );
      })}
    </nav>
  );
}

/** A page of deployment events, newest first: relative and absolute times, Warning rows marked, EAS's JSON messages unpacked. */
export function EventsTable({ events, links, now }: { events: EventsPage; links: EventsLinks; now: Date }) {
  const t = useTranslations("service-detail");
  const tc = useTranslations("common");
  const format = useFormatter();
  const pages = Math.max(1, events.totalPages);
  const nav = (page: number, label: string, text: string) =>
    page < 1 || page > pages ? (
      <span aria-disabled="true" className={`${buttonClasses("secondary", "sm")} opacity-50`}>{text}</span>
    ) : (
      <Link href={links.page(page)} scroll={false} aria-label={label} className={buttonClasses("secondary", "sm")}>{text}</Link>
    );
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Filter current={events.type} href={links.type} />
        <span className="text-xs text-slate-600">{t("eventsTotal", { total: events.total })}</span>
      </div>
      {events.items.length === 0 ? (
        <EmptyState title={t("noEvents")} />
      ) : (
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
              const valid = !Number.isNaN(date.getTime());
              const message = unpackMessage(e.message);
              return (
                <TR key={i} className={warning ? "bg-amber-50/60" : ""} data-event-type={e.type}>
                  <TD className="whitespace-nowrap text-xs">
                    {valid ? (
                      <time dateTime={date.toISOString()} title={date.toISOString()}>
                        <span className="block text-slate-800">{format.relativeTime(date, now)}</span>
                        <span className="block text-[11px] text-slate-500">{format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" })}</span>
                      </time>
                    ) : (
                      e.time
                    )}
                  </TD>
                  <TD>
                    <Badge tone={warning ? "warning" : "neutral"}>{warning ? t("warning") : t("normal")}</Badge>
                  </TD>
                  <TD className="whitespace-nowrap font-mono text-xs" data-event-reason>{e.reason}</TD>
                  <TD className="break-words text-xs">
                    {message.text && <span className="block">{message.text}</span>}
                    {message.fields.length > 0 && (
                      <span className="mt-0.5 flex flex-wrap gap-x-3 font-mono text-[11px] text-slate-500" data-event-fields>
                        {message.fields.map(([k, v]) => (
                          <span key={k}>
                            {k} <span className="text-slate-700">{v}</span>
                          </span>
                        ))}
                      </span>
                    )}
                    {e.resource && e.resource !== "Service" && <span className="block font-mono text-[11px] text-slate-500">{e.resource}</span>}
                  </TD>
                </TR>
              );
            })}
          </tbody>
        </Table>
      )}
      <nav aria-label={tc("pagination")} className="flex items-center justify-end gap-2 text-xs text-slate-600">
        <span>{t("eventsPageInfo", { page: events.page, pages })}</span>
        {nav(events.page - 1, tc("prev"), "‹")}
        {nav(events.page + 1, tc("next"), "›")}
      </nav>
    </div>
  );
}
