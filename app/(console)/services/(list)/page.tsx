import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/states";
import { ServicesTable } from "@/components/services/services-table";
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
      <Suspense fallback={<TableSkeleton label={tc("loading")} />}>
        <ServicesTable regions={getEnv().ROLESCOPE_REGIONS} />
      </Suspense>
    </>
  );
}
