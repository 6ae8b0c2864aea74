import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatStamp } from "@/i18n/format";
import { Badge } from "@/components/ui/badge";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { EasEvent } from "@/lib/cloud/eas-types";
import { unpackMessage } from "./event-message";

// EAS sends `2006-01-02 15:04:05` in UTC.
const eventDate = (time: string) => new Date(`${time.replace(" ", "T")}Z`);

/**
 * Deployment events as rows: relative and absolute times, Warning rows marked, EAS's JSON
 * messages unpacked. The events tab pages it; the setup wizard's deploy step follows it live.
 */
export function EventRowsTable({ events, label, now }: { events: Pick<EasEvent, "type" | "reason" | "message" | "time" | "resource">[]; label: string; now: Date }) {
  const t = useTranslations("service-detail");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <Table aria-label={label}>
      <THead>
        <tr>
          <TH>{t("eventTime")}</TH>
          <TH>{t("eventType")}</TH>
          <TH>{t("eventReason")}</TH>
          <TH>{t("eventMessage")}</TH>
        </tr>
      </THead>
      <tbody>
        {events.map((e, i) => {
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
                    <span className="block text-[11px] text-slate-500">{formatStamp(date, locale)}</span>
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
                {message.text && <span className="block" data-verbatim>{message.text}</span>}
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
  );
}
