import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import { canWriteCloud, isReadOnly } from "@/lib/cloud/read-only";
import { requireUser } from "@/lib/auth/session";
import { z } from "zod";
import { PageHeader } from "@/components/ui/page-header";
import { Suspense } from "react";
import { PanelSkeleton } from "@/components/ui/states";
import { Panel } from "@/components/ui/panel";
import { CloudCallError } from "@/components/inventory/cloud-call-error";
import { ClientMessages } from "@/components/providers/client-messages";
import { DiagnosisPanel } from "@/components/diagnosis/diagnosis-panel";
import { DetailRefresh } from "@/components/services/detail-refresh";
import { ChainSection, ConfigSection, EventsSection, NeedsSection, OverviewSection, type SectionProps } from "@/components/services/service-sections";
import { CloudError } from "@/lib/cloud/types";
import { diagnosisBody } from "@/lib/fixes/diagnosis-body";
import { loadFixes } from "@/lib/fixes/load-fixes";
import { loadServiceDetail, type EventType } from "@/lib/inventory/load-service-detail";
import { lookupService } from "@/lib/inventory/lookup-service";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { isServiceAddress } from "@/lib/service-config/names";

type Props = { params: Promise<{ region: string; name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Next hands the segments over decoded; a name EAS could not hold is not echoed into the title.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { region, name } = await params;
  return isServiceAddress(region, name) ? { title: name } : {};
}

const eventsPage = z.coerce.number().int().min(1).max(10_000).catch(1);
const eventType = z.enum(["Normal", "Warning"]).optional().catch(undefined);

// One service: why its deployment failed and the fixes, its role chain, what it needs against
// what its role allows, its config and its events.
export default async function ServiceDetailPage({ params, searchParams }: Props) {
  const me = await requireUser("inventory:read");
  const t = await getTranslations("service-detail");
  const { region, name } = await params;
  const query = await searchParams;
  const page = eventsPage.parse(query.events ?? 1);
  const type = eventType.parse(query.eventType);
  const deps = getInventoryDeps();
  if (!isServiceAddress(region, name) || !deps.cloud.eas.regions.includes(region)) notFound();
  const base = `/services/${encodeURIComponent(region)}/${encodeURIComponent(name)}`;
  const header = (
    <PageHeader
      breadcrumb={<Link href="/services" className="text-blue-700 hover:underline">{t("breadcrumb")}</Link>}
      title={name}
      description={region}
    />
  );
  const href = (p: number, ty: EventType | undefined) => {
    const qs = new URLSearchParams({ ...(p > 1 ? { events: String(p) } : {}), ...(ty ? { eventType: ty } : {}) }).toString();
    return `${qs ? `${base}?${qs}` : base}#events-heading`;
  };
  const at = { deps, me, region, name };
  // Each panel streams as its reads arrive and fails on its own: what needs RAM waits for RAM,
  // the service, its events and its config need only EAS.
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-2">
        {header}
        <Suspense fallback={null}>
          <Freshness {...at} />
        </Suspense>
      </div>
      <div className="grid gap-4">
        <Suspense fallback={<PanelSkeleton lines={3} />}>
          <DiagnosisSection {...at} base={base} />
        </Suspense>
        <Suspense fallback={<PanelSkeleton lines={4} />}>
          <OverviewSection {...at} />
        </Suspense>
        <Suspense fallback={<PanelSkeleton lines={3} />}>
          <ChainSection {...at} />
        </Suspense>
        <Suspense fallback={<PanelSkeleton lines={4} />}>
          <NeedsSection {...at} />
        </Suspense>
        <Suspense fallback={<PanelSkeleton lines={5} />}>
          <EventsSection {...at} page={page} type={type} links={{ page: (p) => href(p, type), type: (ty) => href(1, ty) }} />
        </Suspense>
        <Suspense fallback={<PanelSkeleton lines={5} />}>
          <ConfigSection {...at} />
        </Suspense>
      </div>
    </>
  );
}

/**
 * "Data as of": when the role data the page shows was read (a fix or any RAM change drops it, so
 * it moves once the page renders again); the service's own read when RAM could not be read.
 */
async function Freshness({ deps, me, region, name }: SectionProps) {
  const read = await loadServiceDetail(deps, me, region, name).catch(() => lookupService(deps, me, region, name)).catch(() => undefined);
  return read ? <DetailRefresh fetchedAt={read.fetchedAt} region={region} name={name} /> : null;
}

async function DiagnosisSection({ deps, me, region, name, base }: SectionProps & { base: string }) {
  const [t, locale] = await Promise.all([getTranslations("diagnosis"), getLocale()]);
  const loaded = await loadFixes(deps, me, region, name).then(
    (fixes) => ({ diagnosis: diagnosisBody(fixes, region, isLocale(locale) ? locale : DEFAULT_LOCALE) }),
    (err: unknown) => {
      if (err instanceof CloudError) return { error: err.toJSON() };
      throw err;
    },
  );
  if ("error" in loaded) {
    return (
      <div id="diagnosis" className="scroll-mt-4">
        <Panel id="diagnosis-panel" title={t("panel.title")}>
          <CloudCallError error={loaded.error} what={t("panel.title")} />
        </Panel>
      </div>
    );
  }
  return (
    <ClientMessages namespaces={["diagnosis", "service-detail.needKind", "approvals.durations"]}>
      <DiagnosisPanel initial={loaded.diagnosis} canFix={canWriteCloud(me)} readOnly={isReadOnly()} sharePath={`${base}#diagnosis`} />
    </ClientMessages>
  );
}
