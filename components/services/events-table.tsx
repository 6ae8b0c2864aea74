import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import type { EventsPage, EventType } from "@/lib/inventory/load-service-detail";
import { EventRowsTable } from "./event-rows-table";

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
        <EventRowsTable events={events.items} label={t("eventsLabel")} now={now} />
      )}
      <nav aria-label={tc("pagination")} className="flex items-center justify-end gap-2 text-xs text-slate-600">
        <span>{t("eventsPageInfo", { page: events.page, pages })}</span>
        {nav(events.page - 1, tc("prev"), "‹")}
        {nav(events.page + 1, tc("next"), "›")}
      </nav>
    </div>
  );
}
