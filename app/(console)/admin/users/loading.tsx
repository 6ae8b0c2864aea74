import { getTranslations } from "next-intl/server";
import { TableSkeleton } from "@/components/ui/states";

export default async function Loading() {
  const t = await getTranslations("users");
  return <TableSkeleton rows={5} label={t("title")} />;
}
