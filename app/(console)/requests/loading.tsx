import { getTranslations } from "next-intl/server";
import { Skeleton, TableSkeleton } from "@/components/ui/states";

export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div className="space-y-4">
      <Skeleton className="h-6 w-56" />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <TableSkeleton rows={10} label={t("loading")} />
        <TableSkeleton rows={5} label={t("loading")} />
      </div>
    </div>
  );
}
