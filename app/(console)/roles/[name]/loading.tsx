import { getTranslations } from "next-intl/server";
import { RoleDetailSkeleton } from "@/components/role-detail/role-detail-skeleton";

export default async function Loading() {
  const t = await getTranslations("role-detail");
  return <RoleDetailSkeleton label={t("loading")} />;
}
