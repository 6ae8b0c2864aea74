import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/states";
import { RolesTable } from "@/components/roles/roles-table";
import { ClientMessages } from "@/components/providers/client-messages";

export const metadata: Metadata = { title: "Roles" };

// Every RAM role: trust, attached policies, services using it, who may pass it; reads /api/roles.
export default async function RolesPage() {
  await requireUser("inventory:read");
  const t = await getTranslations("roles");
  const tc = await getTranslations("common");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <Suspense fallback={<ListSkeleton label={tc("loading")} />}>
        <ClientMessages namespaces={["roles"]}>
          <RolesTable />
        </ClientMessages>
      </Suspense>
    </>
  );
}
