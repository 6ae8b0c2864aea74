import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { DescriptionList } from "@/components/ui/description-list";
import { Badge } from "@/components/ui/badge";
import { getEnv } from "@/lib/env";
import { describeCloud } from "@/lib/cloud/describe";
import pkg from "@/package.json";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Overview" };

// The landing page: where the console's calls go, before anything else is shown.
export default async function OverviewPage() {
  await requireUser();
  const t = await getTranslations("overview");
  const cloud = describeCloud(getEnv());
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="grid max-w-3xl gap-4">
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
