import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import { formatStamp } from "@/i18n/format";
import { wordHealth } from "@/lib/diagnosis/health";
import { CloudCallError } from "@/components/inventory/cloud-call-error";
import { DescriptionList } from "@/components/ui/description-list";
import { JsonView, type JsonLine } from "@/components/ui/json-view";
import { Panel } from "@/components/ui/panel";
import type { Actor } from "@/lib/actor";
import { CloudError } from "@/lib/cloud/types";
import { analyseService } from "@/lib/readiness/use";
import { ramFieldLines } from "@/lib/inventory/config-lines";
import type { InventoryDeps } from "@/lib/inventory/deps";
import { latestWarning } from "@/lib/inventory/load-services";
import { loadServiceDetail, loadServiceEvents, type ServiceDetail } from "@/lib/inventory/load-service-detail";
import { lookupService } from "@/lib/inventory/lookup-service";
import { EventsTable, type EventsLinks } from "./events-table";
import { NeedsTable } from "./needs-table";
import { RoleChain } from "./role-chain";
import { StatusBadge } from "./status-badge";

// The service page's panels, each reading only what it shows and streamed on its own: one that
// needs RAM (the role chain, the needs) fails alone, and the service itself, its events and its
// config stay when RAM cannot be read.

export interface SectionProps {
  deps: InventoryDeps;
  me: Actor;
  region: string;
  name: string;
}

/** The panel's content, or the cloud error that kept it from loading, inside the same frame. */
async function guarded(title: string, id: string, render: () => Promise<ReactNode>, actions?: ReactNode) {
  let body: ReactNode;
  try {
    body = await render();
  } catch (err) {
    if (!(err instanceof CloudError)) throw err;
    body = <CloudCallError error={err.toJSON()} what={title} />;
  }
  return (
    <Panel title={title} id={id} actions={actions}>
      {body}
    </Panel>
  );
}

/** Reads the service as DescribeService gives it; a service deleted since the layout's check throws EAS's own answer. */
async function service({ deps, me, region, name }: SectionProps) {
  const found = await lookupService(deps, me, region, name);
  if (!found.service) throw new CloudError({ ...found.missing, operation: "DescribeService" });
  return found.service;
}

// The RAM role decides these; the role and its documents come from one cached detail read.
const detailOf = ({ deps, me, region, name }: SectionProps): Promise<ServiceDetail> => loadServiceDetail(deps, me, region, name);

function ramLines(fields: Map<number, string>, tag: string): Map<number, JsonLine> {
  const tagged = <span className="ml-3 rounded bg-amber-200 px-1 font-sans text-[11px] text-amber-950">{tag}</span>;
  return new Map([...fields].map(([line, path]) => [line, { tint: "bg-amber-100 border-l-amber-500", data: { "data-ram-field": path }, tag: tagged }]));
}

export async function OverviewSection(p: SectionProps) {
  const t = await getTranslations("service-detail");
  const locale = await getLocale();
  const when = (iso: string) => (iso ? formatStamp(new Date(iso), locale, "minute") : "—");
  return guarded(t("overview"), "overview", async () => {
    const s = await service(p);
    const warning = latestWarning(s);
    const workspaceId = analyseService(s.serviceConfig, s.callerUid, p.region).workspaceId;
    return (
      <DescriptionList
        items={[
          { term: t("region"), detail: s.region || p.region },
          { term: t("status"), detail: <StatusBadge status={s.status} /> },
          ...(warning
            ? [
                { term: t("reason"), detail: <code className="font-mono text-xs">{warning.reason}</code> },
                { term: t("message"), detail: <span className="text-sm">{warning.message}</span> },
              ]
            : []),
          { term: t("instances"), detail: t("instancesValue", { running: s.runningInstance, total: s.totalInstance }) },
          { term: t("workspace"), detail: workspaceId ? <code className="font-mono text-xs">{workspaceId}</code> : "—" },
          { term: t("created"), detail: when(s.createTime) },
          { term: t("updated"), detail: when(s.updateTime) },
        ]}
      />
    );
  });
}

export async function ChainSection(p: SectionProps) {
  const t = await getTranslations("service-detail");
  return guarded(t("chain"), "chain", async () => {
    const [detail, locale] = await Promise.all([detailOf(p), getLocale()]);
    return <RoleChain detail={{ ...detail, health: wordHealth(detail.health, isLocale(locale) ? locale : DEFAULT_LOCALE) }} />;
  });
}

export async function NeedsSection(p: SectionProps) {
  const t = await getTranslations("service-detail");
  return guarded(t("needs"), "needs", async () => {
    const detail = await detailOf(p);
    return (
      <>
        <p className="mb-3 text-sm text-slate-600">{t("needsIntro")}</p>
        <NeedsTable needs={detail.needs} roleName={detail.role?.exists ? detail.role.name : undefined} />
      </>
    );
  });
}

export async function EventsSection(p: SectionProps & { page: number; type?: "Normal" | "Warning"; links: EventsLinks }) {
  const t = await getTranslations("service-detail");
  return guarded(t("events"), "events", async () => (
    <EventsTable events={await loadServiceEvents(p.deps, p.me, p.region, p.name, p.page, 20, p.type)} links={p.links} now={new Date()} />
  ));
}

export async function ConfigSection(p: SectionProps) {
  const t = await getTranslations("service-detail");
  const tc = await getTranslations("common");
  return guarded(t("config"), "config", async () => {
    const s = await service(p);
    const json = (() => {
      try {
        return JSON.stringify(JSON.parse(s.serviceConfig), null, 2);
      } catch {
        return s.serviceConfig;
      }
    })();
    return (
      <>
        <p className="mb-2 text-xs text-slate-600">{t("configNote")}</p>
        <JsonView json={json} lines={ramLines(ramFieldLines(json), t("ramField"))} label={t("config")} copyLabel={tc("copyNamed", { name: t("config") })} />
      </>
    );
  });
}
