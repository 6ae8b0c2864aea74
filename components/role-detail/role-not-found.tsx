import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState } from "@/components/ui/states";

/** RAM said the role does not exist: its own code and RequestId, and the way back. */
export async function RoleNotFound({ name, code, message, requestId }: { name: string; code: string; message?: string; requestId?: string }) {
  const t = await getTranslations("role-detail");
  const tc = await getTranslations("common");
  return (
    <>
      <PageHeader
        title={name}
        breadcrumb={<Link href="/roles" className="text-slate-600 hover:underline">{t("breadcrumb")}</Link>}
      />
      <ErrorState
        title={t("notFoundTitle", { name })}
        code={code}
        message={message || t("notFoundBody")}
        requestId={requestId}
        requestIdLabel={tc("requestId")}
        action={<Link href="/roles" className="text-sm text-blue-700 underline">{t("backToRoles")}</Link>}
      />
    </>
  );
}
