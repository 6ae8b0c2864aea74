import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Panel } from "@/components/ui/panel";
import { PageHeader } from "@/components/ui/page-header";
import { CloudErrorState } from "@/components/inventory/cloud-error-state";
import { LintSection } from "@/components/role-detail/lint-section";
import { PermissionsSection } from "@/components/role-detail/permissions-section";
import { RoleNotFound } from "@/components/role-detail/role-not-found";
import { RoleSummary } from "@/components/role-detail/role-summary";
import { SectionNav } from "@/components/role-detail/section-nav";
import { AccessPanel, AccessSection } from "@/components/role-detail/access-section";
import { Simulator } from "@/components/role-detail/simulator";
import { ClientMessages } from "@/components/providers/client-messages";
import { TrustSection } from "@/components/role-detail/trust-section";
import { UsageSection } from "@/components/role-detail/usage-section";
import { requireUser } from "@/lib/auth/session";
import { CloudError } from "@/lib/cloud/types";
import { loadRoleDetail, roleNameSchema, type RoleDetail } from "@/lib/inventory/role-detail";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { readSimulationQuery } from "@/lib/policy-view/simulation-query";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Next hands the segment over decoded; the layout has already refused names RAM could not hold.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const name = roleNameSchema.safeParse((await params).name);
  return name.success ? { title: name.data } : {};
}

// One role: who may assume it, what it may do, what is wrong with it, and who uses it.
export default async function RoleDetailPage({ params, searchParams }: Props) {
  const me = await requireUser("inventory:read");
  const name = roleNameSchema.safeParse((await params).name);
  if (!name.success) notFound();
  const t = await getTranslations("role-detail");
  const ta = await getTranslations("access.paths");

  let detail: RoleDetail;
  try {
    detail = await loadRoleDetail(getInventoryDeps(), me, name.data);
  } catch (err) {
    if (!(err instanceof CloudError)) throw err;
    if (err.code === "EntityNotExist.Role") return <RoleNotFound name={name.data} code={err.code} message={err.message} requestId={err.requestId} />;
    return <CloudErrorState title={t("errorTitle")} error={err.toJSON()} />;
  }

  const query = await searchParams;
  const findings = detail.trust.lint.length + detail.policies.reduce((n, p) => n + p.lint.length, 0);
  return (
    <>
      <PageHeader
        title={detail.role.roleName}
        description={detail.role.description || undefined}
        breadcrumb={<Link href="/roles" className="text-slate-600 hover:underline">{t("breadcrumb")}</Link>}
        actions={<span className="text-xs text-slate-600">{t("fetchedAt", { time: new Date(detail.fetchedAt).toISOString().slice(11, 19) + " UTC" })}</span>}
      />
      <SectionNav findings={findings} />
      <div className="space-y-4">
        <RoleSummary detail={detail} />
        <TrustSection detail={detail} />
        <PermissionsSection detail={detail} />
        <LintSection detail={detail} />
        <div id="simulator" className="scroll-mt-12">
          <Panel id="simulator-panel" title={t("simulator")}>
            <p className="mb-3 text-xs text-slate-600">{t("simulatorIntro")}</p>
            <ClientMessages namespaces={["policy.simulator", "policy.decision", "common"]}>
              <Simulator roleName={detail.role.roleName} policyNames={detail.policies.map((p) => p.name)} initial={readSimulationQuery(query)} />
            </ClientMessages>
          </Panel>
        </div>
        <Suspense
          fallback={
            <AccessPanel title={ta("title")}>
              <p role="status" className="text-sm text-slate-600">{ta("loading")}</p>
            </AccessPanel>
          }
        >
          <AccessSection actor={me} roleName={detail.role.roleName} />
        </Suspense>
        <UsageSection usage={detail.usage} />
        <div id="activity" className="scroll-mt-12">
          <Panel id="activity-panel" title={t("activity")}>
            <p className="text-sm text-slate-700">{t("activityIntro")}</p>
            <Link href={`/roles/${encodeURIComponent(detail.role.roleName)}/activity`} className="mt-2 inline-block text-sm text-blue-700 hover:underline">
              {t("activityOpen", { role: detail.role.roleName })}
            </Link>
          </Panel>
        </div>
      </div>
    </>
  );
}
