import { getTranslations } from "next-intl/server";
import { Skeleton, TableSkeleton } from "@/components/ui/states";

export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div className="space-y-4">
      <Skeleton className="h-6 w-48" />
      <TableSkeleton rows={10} label={t("loading")} />
    </div>
  );
}
