import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { canWriteCloud, isReadOnly } from "@/lib/cloud/read-only";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState } from "@/components/ui/states";
import { ClientMessages } from "@/components/providers/client-messages";
import { FleetView } from "@/components/diagnosis/fleet-view";
import { CloudError } from "@/lib/cloud/types";
import { loadFailing } from "@/lib/inventory/load-failing";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("diagnosis"))("fleet.title") });

// The fleet view: every failing service across the regions with its cause, grouped so one fix heals many.
export default async function IssuesPage() {
  const me = await requireUser("inventory:read");
  const t = await getTranslations("diagnosis.fleet");
  const tc = await getTranslations("common");
  const deps = getInventoryDeps();
  const loaded = await loadFailing(deps, me, deps.cloud.eas.regions).catch((err: unknown) => {
    if (err instanceof CloudError) return err;
    throw err;
  });
  if (loaded instanceof CloudError) {
    return (
      <>
        <PageHeader title={t("title")} description={t("intro")} />
        <ErrorState title={t("loadError")} code={loaded.code} message={loaded.message} requestId={loaded.requestId} requestIdLabel={tc("requestId")} />
      </>
    );
  }
  const groups = loaded.causes.reduce((n, c) => n + c.groups.length, 0);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} actions={<span className="text-sm text-slate-600" data-testid="fleet-total">{t("total", { count: loaded.total, groups })}</span>} />
      <ClientMessages namespaces={["diagnosis", "service-detail.needKind", "approvals.durations"]}>
        <FleetView causes={loaded.causes} canFix={canWriteCloud(me)} readOnly={isReadOnly()} />
      </ClientMessages>
    </>
  );
}
