import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { DescriptionList } from "@/components/ui/description-list";
import { Badge } from "@/components/ui/badge";
import { PanelSkeleton } from "@/components/ui/states";
import { FailingServicesPanel } from "@/components/overview/failing-services-panel";
import { PassRolePanel } from "@/components/overview/passrole-panel";
import { SecurityPanel } from "@/components/overview/security-panel";
import { UnassumableRolesPanel } from "@/components/overview/unassumable-roles-panel";
import { UnusedAccessPanel } from "@/components/overview/unused-access-panel";
import { getEnv } from "@/lib/env";
import { describeCloud } from "@/lib/cloud/create-cloud";
import pkg from "@/package.json";
import { can, requireUser } from "@/lib/auth/session";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("overview"))("title") });

// Where an admin starts the day: failing services, roles EAS cannot assume, lint's security
// warnings and what waits on PassRole, each linking to the list filtered to it. Each panel
// streams on its own from the cached loaders the lists use, so one slow read holds up no other.
export default async function OverviewPage() {
  const me = await requireUser();
  const t = await getTranslations("overview");
  const cloud = describeCloud(getEnv());
  const inventory = can(me.role, "inventory:read");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="grid items-start gap-4 xl:grid-cols-2">
        {inventory && (
          <>
            <Suspense fallback={<PanelSkeleton lines={4} />}>
              <FailingServicesPanel user={me} />
            </Suspense>
            <Suspense fallback={<PanelSkeleton lines={3} />}>
              <UnassumableRolesPanel user={me} />
            </Suspense>
            <div className="xl:col-span-2">
              <Suspense fallback={<PanelSkeleton lines={6} />}>
                <SecurityPanel user={me} />
              </Suspense>
            </div>
            <div className="xl:col-span-2">
              <Suspense fallback={<PanelSkeleton lines={4} />}>
                <UnusedAccessPanel user={me} />
              </Suspense>
            </div>
          </>
        )}
        {can(me.role, "passrole:request") && (
          <Suspense fallback={<PanelSkeleton lines={3} />}>
            <PassRolePanel user={me} />
          </Suspense>
        )}
        <Panel title={t("connection")} id="connection">
          <DescriptionList
            items={[
              { term: t("mode"), detail: <Badge tone="neutral">{cloud.mode === "emulator" ? t("modeEmulator") : t("modeAliyun")}</Badge> },
              { term: t("endpoint"), detail: <code className="font-mono text-xs">{cloud.endpoint}</code> },
              { term: t("regions"), detail: cloud.regions.join(", ") },
              { term: t("version"), detail: pkg.version },
            ]}
          />
        </Panel>
      </div>
    </>
  );
}
