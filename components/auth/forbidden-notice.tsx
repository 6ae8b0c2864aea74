import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";

// Shown with status 403 when a signed-in user's role lacks the page's permission.
export async function ForbiddenNotice() {
  const t = await getTranslations("auth.forbidden");
  return (
    <>
      <PageHeader title={t("title")} />
      <p role="alert" className="max-w-xl rounded border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">{t("body")}</p>
    </>
  );
}
