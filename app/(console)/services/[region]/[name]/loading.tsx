import { getTranslations } from "next-intl/server";
import { ServiceDetailSkeleton } from "@/components/services/service-detail-skeleton";

export default async function Loading() {
  const t = await getTranslations("common");
  return <ServiceDetailSkeleton label={t("loading")} />;
}
