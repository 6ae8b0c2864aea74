import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { Panel } from "@/components/ui/panel";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState } from "@/components/ui/states";
import { MyRequests } from "@/components/requests/my-requests";
import { RequestForm } from "@/components/requests/request-form";
import { RequestUpdates } from "@/components/requests/request-updates";
import { loadRequestForm } from "@/lib/approvals/load-request-form";
import { listNotices } from "@/lib/approvals/notices";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { requireUser } from "@/lib/auth/session";
import { CloudError } from "@/lib/cloud/types";

export const metadata: Metadata = { title: "PassRole requests" };
export const dynamic = "force-dynamic";

const CLIENT_MESSAGES = ["approvals.requests", "approvals.columns", "approvals.states", "approvals.durations", "approvals.never"] as const;

// Engineers: ask for ram:PassRole on a role, and follow their requests as admins decide on them.
export default async function RequestsPage() {
  const me = await requireUser("passrole:request");
  const t = await getTranslations("approvals.requests");
  const tc = await getTranslations("common");
  const deps = getApprovalDeps();
  const [form, updates] = await Promise.all([
    loadRequestForm(deps, me).catch((err: unknown) => {
      if (err instanceof CloudError) return err;
      throw err;
    }),
    listNotices(deps, me),
  ]);
  return (
    <ClientMessages namespaces={CLIENT_MESSAGES}>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <Panel id="new-request" title={t("formTitle")}>
          {form instanceof CloudError ? (
            <ErrorState title={t("formFailed")} code={form.code} message={form.message} requestId={form.requestId} requestIdLabel={tc("requestId")} />
          ) : (
            <RequestForm data={form} />
          )}
        </Panel>
        <div className="min-w-0 space-y-4">
          <Panel id="my-requests" title={t("mineTitle")}>
            <MyRequests />
          </Panel>
          <RequestUpdates notices={updates.notices} unread={updates.unread} />
        </div>
      </div>
    </ClientMessages>
  );
}
