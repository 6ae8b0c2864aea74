import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RequestSummary } from "@/components/approvals/request-summary";
import { ReviewDecision } from "@/components/approvals/review-decision";
import { NewPaths } from "@/components/approvals/new-paths";
import { UserHoldings } from "@/components/approvals/user-holdings";
import { ClientMessages } from "@/components/providers/client-messages";
import { LintSection } from "@/components/role-detail/lint-section";
import { PermissionsSection } from "@/components/role-detail/permissions-section";
import { RoleSummary } from "@/components/role-detail/role-summary";
import { UsageSection } from "@/components/role-detail/usage-section";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState } from "@/components/ui/states";
import { loadReview } from "@/lib/approvals/load-review";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { canWriteCloud } from "@/lib/cloud/read-only";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("approvals"))("review.pageTitle") });
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// One request under review: the decision, exactly what it does in RAM, what the RAM user holds
// now, and the blast radius of passing the role (what it may do, its findings, who uses and passes it).
export default async function ReviewPage({ params }: Props) {
  const me = await requireUser("approvals:decide");
  const t = await getTranslations("approvals.review");
  const tc = await getTranslations("common");
  const review = await loadReview(getApprovalDeps(), me, (await params).id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const r = review.request;
  return (
    <>
      <PageHeader
        title={t("title", { user: r.ramUser, role: r.roleName })}
        breadcrumb={<Link href="/approvals" className="text-slate-600 hover:underline">{t("breadcrumb")}</Link>}
        actions={<span className="text-xs text-slate-600">{t("readAt", { time: review.readAt.slice(11, 19) })}</span>}
      />
      <div className="space-y-4">
        <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <RequestSummary request={r} />
          <UserHoldings holdings={review.user} request={r} />
        </div>
        {review.newPaths && <NewPaths newPaths={review.newPaths} user={r.ramUser} role={r.roleName} />}
        <ClientMessages namespaces={["approvals.review", "approvals.durations", "approvals.states"]}>
          <ReviewDecision
            request={r}
            accountId={review.accountId}
            durations={review.durations}
            canDecide={review.canDecide}
            selfApproval={review.selfApproval}
            deciders={review.deciders}
            canWrite={canWriteCloud(me)}
            existingDocument={review.existingDocument}
            documents={review.documents}
            grantPlan={review.grantPlan}
            removalPlan={review.removalPlan}
          />
        </ClientMessages>
        <section aria-labelledby="blast-radius" className="space-y-4">
          <div>
            <h2 id="blast-radius" className="text-base font-semibold text-slate-900">{t("blastTitle", { role: r.roleName })}</h2>
            <p className="text-sm text-slate-600">{t("blastIntro")}</p>
          </div>
          {review.role.detail ? (
            <>
              <RoleSummary detail={review.role.detail} />
              <UsageSection usage={review.role.detail.usage} />
              <PermissionsSection detail={review.role.detail} />
              <LintSection detail={review.role.detail} />
            </>
          ) : (
            <ErrorState title={t("roleError")} code={review.role.error.code} message={review.role.error.message} requestId={review.role.error.requestId} requestIdLabel={tc("requestId")} />
          )}
        </section>
      </div>
    </>
  );
}
