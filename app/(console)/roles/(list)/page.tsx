import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/states";
import { RolesTable } from "@/components/roles/roles-table";
import { ClientMessages } from "@/components/providers/client-messages";
import { RefusedParamsNotice } from "@/components/inventory/refused-params-notice";
import { readListQuery, rolesQuerySchema, searchParamsToObject } from "@/lib/inventory/query";

const PARAMS = ["q", "eas", "sort", "page", "pageSize"] as const;

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("roles"))("title") });

// Every RAM role: trust, attached policies, services using it, who may pass it; reads /api/roles.
// A filter in the address the list cannot use is left out, and the page says so.
export default async function RolesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("inventory:read");
  const t = await getTranslations("roles");
  const tc = await getTranslations("common");
  const { refused } = readListQuery(rolesQuerySchema, searchParamsToObject(await searchParams));
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="mb-3 empty:hidden">
        <RefusedParamsNotice refused={refused} fields={Object.fromEntries(PARAMS.map((k) => [k, t(`params.${k}`)]))} />
      </div>
      <Suspense fallback={<ListSkeleton label={tc("loading")} />}>
        <ClientMessages namespaces={["roles"]}>
          <RolesTable ignored={Object.fromEntries(refused.map((r) => [r.name, r.value]))} />
        </ClientMessages>
      </Suspense>
    </>
  );
}
