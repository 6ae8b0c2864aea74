import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ActivitySection } from "@/components/activity/activity-section";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { PanelSkeleton } from "@/components/ui/states";
import { activityDays, DEFAULT_ACTIVITY_DAYS } from "@/lib/activity/days";
import { requireUser } from "@/lib/auth/session";
import { roleNameSchema } from "@/lib/inventory/role-detail";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const name = roleNameSchema.safeParse((await params).name);
  return name.success ? { title: name.data } : {};
}

// A role's activity has a page of its own: ActionTrail is read at two calls a second, and the
// role page, opened far more often, should not wait for it.
export default async function RoleActivityPage({ params, searchParams }: Props) {
  const me = await requireUser("inventory:read");
  const name = roleNameSchema.safeParse((await params).name);
  if (!name.success) notFound();
  const t = await getTranslations("role-detail");
  const query = await searchParams;
  const days = activityDays.catch(DEFAULT_ACTIVITY_DAYS).parse(query.days ?? DEFAULT_ACTIVITY_DAYS);
  return (
    <>
      <PageHeader
        title={name.data}
        description={t("activityIntro")}
        breadcrumb={
          <span className="text-slate-600">
            <Link href="/roles" className="hover:underline">{t("breadcrumb")}</Link>
            {" / "}
            <Link href={`/roles/${encodeURIComponent(name.data)}`} className="hover:underline">{name.data}</Link>
          </span>
        }
      />
      <div id="activity" className="scroll-mt-12">
        <Suspense fallback={<Panel title={t("activity")}><PanelSkeleton lines={6} /></Panel>}>
          <ActivitySection me={me} name={name.data} days={days} />
        </Suspense>
      </div>
    </>
  );
}
