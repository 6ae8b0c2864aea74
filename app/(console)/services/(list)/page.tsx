import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/states";
import { ServicesTable } from "@/components/services/services-table";
import { ClientMessages } from "@/components/providers/client-messages";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Services" };

// Every EAS service with its RAM role and whether that role works; the table reads /api/services.
export default async function ServicesPage() {
  await requireUser("inventory:read");
  const t = await getTranslations("services");
  const tc = await getTranslations("common");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <Suspense fallback={<ListSkeleton label={tc("loading")} />}>
        <ClientMessages namespaces={["services", "diagnosis.health"]}>
          <ServicesTable regions={getEnv().ROLESCOPE_REGIONS} />
        </ClientMessages>
      </Suspense>
    </>
  );
}
