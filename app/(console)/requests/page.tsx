import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { Panel } from "@/components/ui/panel";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState } from "@/components/ui/states";
import { MyRequests } from "@/components/requests/my-requests";
import { RequestForm, type RequestPrefill } from "@/components/requests/request-form";
import { RequestUpdates } from "@/components/requests/request-updates";
import { loadRequestForm } from "@/lib/approvals/read-requests";
import { listNotices } from "@/lib/approvals/notices";
import type { RequestFormData } from "@/lib/approvals/types";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { requireUser } from "@/lib/auth/session";
import { CloudError } from "@/lib/cloud/types";
import { sameRole } from "@/lib/policy/role-identity";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("approvals"))("requests.title") });
export const dynamic = "force-dynamic";

const CLIENT_MESSAGES = ["approvals.requests", "approvals.columns", "approvals.states", "approvals.durations", "approvals.never"] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

// Engineers: ask for ram:PassRole on a role, and follow their requests as admins decide on them.
// `?role=<name>&ramUser=<user>` fills the form in: a diagnosis or a wizard links here for the grant it needs.
export default async function RequestsPage({ searchParams }: Props) {
  const query = await searchParams;
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
      {!(form instanceof CloudError) && unknownRole(form, one(query.role)) && (
        <p role="status" className="mb-4 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("prefillUnknown", { role: one(query.role)!.slice(0, 64) })}</p>
      )}
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <Panel id="new-request" title={t("formTitle")}>
          {form instanceof CloudError ? (
            <ErrorState title={t("formFailed")} code={form.code} message={form.message} requestId={form.requestId} requestIdLabel={tc("requestId")} />
          ) : (
            <RequestForm data={form} prefill={prefillFrom(form, one(query.role), one(query.ramUser))} />
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

/** Only what the account holds is filled in; anything else falls back to the form's defaults. */
function prefillFrom(form: RequestFormData, role: string | undefined, ramUser: string | undefined): RequestPrefill {
  // A diagnosis links with the name its service config writes, often lower-case: the form holds RAM's.
  const known = role === undefined ? undefined : form.roles.find((r) => sameRole(r.name, role));
  return {
    ...(known ? { roleName: known.name } : {}),
    ...(ramUser && form.ramUsers.includes(ramUser) ? { ramUser } : {}),
  };
}

const unknownRole = (form: RequestFormData, role: string | undefined) => role !== undefined && !form.roles.some((r) => sameRole(r.name, role));
