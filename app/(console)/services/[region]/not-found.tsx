// In the [region] folder: a notFound() from the [name] layout is caught by the boundary above it.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/states";

export default async function ServiceNotFound() {
  const t = await getTranslations("service-detail");
  return (
    <EmptyState title={t("notFoundTitle")}>
      <Link href="/services" className="text-blue-700 underline">{t("backToServices")}</Link>
    </EmptyState>
  );
}
