import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { canWriteCloud, isReadOnly } from "@/lib/cloud/read-only";
import { requireUser } from "@/lib/auth/session";
import { z } from "zod";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { ClientMessages } from "@/components/providers/client-messages";
import { DiagnosisPanel } from "@/components/diagnosis/diagnosis-panel";
import { DetailRefresh } from "@/components/services/detail-refresh";
import { ServiceDetailView } from "@/components/services/service-detail-view";
import { CloudError } from "@/lib/cloud/types";
import { diagnosisBody } from "@/lib/fixes/diagnosis-body";
import { loadFixes } from "@/lib/fixes/load-fixes";
import { loadServiceDetail, loadServiceEvents, type EventType } from "@/lib/inventory/load-service-detail";
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
  const tc = await getTranslations("common");
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
  const loaded = await Promise.all([loadServiceDetail(deps, me, region, name), loadServiceEvents(deps, me, region, name, page, 20, type), loadFixes(deps, me, region, name)]).then(
    ([detail, events, fixes]) => ({ detail, events, diagnosis: diagnosisBody(fixes, region) }),
    (err: unknown) => {
      if (err instanceof CloudError) return { error: err };
      throw err;
    },
  );
  if ("error" in loaded) {
    const err = loaded.error;
    // The layout answers an unknown service with a 404; this covers one deleted since (the page streams, so it can only say it).
    return (
      <>
        {header}
        {err.httpStatus === 404 ? (
          <EmptyState title={t("notFound", { name, region })}>
            <Link href="/services" className="text-blue-700 underline">{t("breadcrumb")}</Link>
          </EmptyState>
        ) : (
          <ErrorState title={tc("cloudError", { code: err.code })} code={err.code} message={err.message} requestId={err.requestId} requestIdLabel={tc("requestId")} />
        )}
      </>
    );
  }
  const { detail, events, diagnosis } = loaded;
  const href = (p: number, ty: EventType | undefined) => {
    const qs = new URLSearchParams({ ...(p > 1 ? { events: String(p) } : {}), ...(ty ? { eventType: ty } : {}) }).toString();
    return `${qs ? `${base}?${qs}` : base}#events-heading`;
  };
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-2">
        {header}
        <DetailRefresh fetchedAt={detail.fetchedAt} region={region} name={name} />
      </div>
      <ServiceDetailView
        detail={detail}
        events={events}
        now={new Date()}
        eventsLinks={{ page: (p) => href(p, type), type: (ty) => href(1, ty) }}
        diagnosis={
          <ClientMessages namespaces={["diagnosis", "service-detail.needKind"]}>
            <DiagnosisPanel initial={diagnosis} canFix={canWriteCloud(me)} readOnly={isReadOnly()} sharePath={`${base}#diagnosis`} />
          </ClientMessages>
        }
      />
    </>
  );
}
