import { getTranslations } from "next-intl/server";
import { PageHeaderSkeleton, PanelSkeleton } from "@/components/ui/states";

export default async function Loading() {
  const t = await getTranslations("settings.credentials");
  return (
    <div aria-busy="true" aria-label={t("loading")} className="space-y-4">
      <PageHeaderSkeleton />
      <PanelSkeleton lines={6} />
      <PanelSkeleton lines={7} />
    </div>
  );
}
