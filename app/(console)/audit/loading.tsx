import { getTranslations } from "next-intl/server";
import { TableSkeleton } from "@/components/ui/states";

export default async function Loading() {
  const t = await getTranslations("audit");
  return <TableSkeleton rows={12} label={t("loading")} />;
}
