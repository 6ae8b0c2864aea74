import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatStamp } from "@/i18n/format";
import { DescriptionList } from "@/components/ui/description-list";
import { Panel } from "@/components/ui/panel";
import { JsonView, type JsonLine } from "@/components/ui/json-view";
import { ramFieldLines } from "@/lib/inventory/config-lines";
import type { EventsPage, ServiceDetail } from "@/lib/inventory/load-service-detail";
import { EventsTable, type EventsLinks } from "./events-table";
import { NeedsTable } from "./needs-table";
import { RoleChain } from "./role-chain";
import { StatusBadge } from "./status-badge";

// The fields that decide the RAM role, tinted and tagged in the config.
function ramLines(fields: Map<number, string>, tag: string): Map<number, JsonLine> {
  const tagged = <span className="ml-3 rounded bg-amber-200 px-1 font-sans text-[11px] text-amber-950">{tag}</span>;
  return new Map([...fields].map(([line, path]) => [line, { tint: "bg-amber-100 border-l-amber-500", data: { "data-ram-field": path }, tag: tagged }]));
}

export function ServiceDetailView({ detail, events, eventsLinks, now, diagnosis }: { detail: ServiceDetail; events: EventsPage; eventsLinks: EventsLinks; now: Date; diagnosis?: ReactNode }) {
  const t = useTranslations("service-detail");
  const tc = useTranslations("common");
  const locale = useLocale();
  const s = detail.service;
  const when = (iso: string) => (iso ? formatStamp(new Date(iso), locale, "minute") : "—");
  return (
    <div className="grid gap-4">
      {diagnosis}
      <Panel title={t("overview")} id="overview">
        <DescriptionList
          items={[
            { term: t("region"), detail: s.region },
            { term: t("status"), detail: <StatusBadge status={s.status} /> },
            ...(s.warning
              ? [
                  { term: t("reason"), detail: <code className="font-mono text-xs">{s.warning.reason}</code> },
                  { term: t("message"), detail: <span className="text-sm">{s.warning.message}</span> },
                ]
              : []),
            { term: t("instances"), detail: t("instancesValue", { running: s.runningInstance, total: s.totalInstance }) },
            { term: t("workspace"), detail: detail.use.workspaceId ? <code className="font-mono text-xs">{detail.use.workspaceId}</code> : "—" },
            { term: t("created"), detail: when(s.createTime) },
            { term: t("updated"), detail: when(s.updateTime) },
          ]}
        />
      </Panel>
      <Panel title={t("chain")} id="chain">
        <RoleChain detail={detail} />
      </Panel>
      <Panel title={t("needs")} id="needs">
        <p className="mb-3 text-sm text-slate-600">{t("needsIntro")}</p>
        <NeedsTable needs={detail.needs} roleName={detail.role?.exists ? detail.role.name : undefined} />
      </Panel>
      <Panel title={t("events")} id="events">
        <EventsTable events={events} links={eventsLinks} now={now} />
      </Panel>
      <Panel title={t("config")} id="config">
        <p className="mb-2 text-xs text-slate-600">{t("configNote")}</p>
        <JsonView json={detail.configJson} lines={ramLines(ramFieldLines(detail.configJson), t("ramField"))} label={t("config")} copyLabel={tc("copyNamed", { name: t("config") })} />
      </Panel>
    </div>
  );
}
