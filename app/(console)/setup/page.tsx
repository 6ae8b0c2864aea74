import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { canWriteCloud, isReadOnly } from "@/lib/cloud/read-only";
import { requireUser } from "@/lib/auth/session";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { loadSetupContext } from "@/lib/setup/load-context";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/states";
import { SetupWizard } from "@/components/wizard/setup-wizard";
import { ClientMessages } from "@/components/providers/client-messages";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("wizard"))("nav") });

// The setup wizards for Method 1 and Method 2: every answer lives in the URL, so a setup can be shared and resumed.
export default async function SetupPage() {
  const user = await requireUser("wizard:generate");
  const t = await getTranslations("wizard");
  const tc = await getTranslations("common");
  const context = await loadSetupContext(getInventoryDeps(), user);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <Suspense fallback={<TableSkeleton label={tc("loading")} />}>
        <ClientMessages namespaces={["wizard", "preflight", "services", "service-detail"]}>
          <SetupWizard context={context} canWrite={canWriteCloud(user)} readOnly={isReadOnly()} />
        </ClientMessages>
      </Suspense>
    </>
  );
}
