import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApprovalsTable } from "@/components/approvals/approvals-table";
import { ClientMessages } from "@/components/providers/client-messages";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("approvals"))("list.title") });

// Admins: the PassRole requests waiting for a decision and the grants they made; polls /api/passrole-requests.
export default async function ApprovalsPage() {
  await requireUser("approvals:decide");
  const t = await getTranslations("approvals.list");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ClientMessages namespaces={["approvals.list", "approvals.columns", "approvals.states", "approvals.durations", "approvals.requests"]}>
        <ApprovalsTable />
      </ClientMessages>
    </>
  );
}
