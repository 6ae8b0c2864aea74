import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/states";
import { ServicesTable } from "@/components/services/services-table";
import { ClientMessages } from "@/components/providers/client-messages";
import { RefusedParamsNotice } from "@/components/inventory/refused-params-notice";
import { getEnv } from "@/lib/env";
import { readListQuery, searchParamsToObject, servicesQuerySchema } from "@/lib/inventory/query";

const PARAMS = ["q", "region", "status", "mode", "health", "sort", "page", "pageSize"] as const;

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("services"))("title") });

// Every EAS service with its RAM role and whether that role works; the table reads /api/services.
// A filter in the address the list cannot use is left out, and the page says so.
export default async function ServicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("inventory:read");
  const t = await getTranslations("services");
  const tc = await getTranslations("common");
  const { refused } = readListQuery(servicesQuerySchema, searchParamsToObject(await searchParams));
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="mb-3 empty:hidden">
        <RefusedParamsNotice refused={refused} fields={Object.fromEntries(PARAMS.map((k) => [k, t(`params.${k}`)]))} />
      </div>
      <Suspense fallback={<ListSkeleton label={tc("loading")} />}>
        <ClientMessages namespaces={["services", "diagnosis.health"]}>
          <ServicesTable regions={getEnv().ROLESCOPE_REGIONS} ignored={Object.fromEntries(refused.map((r) => [r.name, r.value]))} />
        </ClientMessages>
      </Suspense>
    </>
  );
}
