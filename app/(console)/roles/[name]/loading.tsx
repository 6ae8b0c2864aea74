import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/states";

export default async function Loading() {
  const t = await getTranslations("role-detail");
  return (
    <div role="status" aria-label={t("loading")} className="space-y-4">
      <Skeleton className="h-6 w-64" />
      <Skeleton className="h-24 w-full" />
      <div className="grid gap-4 xl:grid-cols-2">
        <Skeleton className="h-64 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
      <Skeleton className="h-48 w-full" />
    </div>
  );
}
