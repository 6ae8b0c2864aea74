import Link from "next/link";
import { useTranslations } from "next-intl";
import { utcMinute } from "@/components/approvals/format";
import type { WriteAnswer } from "./api";

/** The PassRole request a grant-passrole fix filed: where it stands, until when, and where to see or revoke it. */
export function FiledRequest({ request }: { request: NonNullable<WriteAnswer["request"]> }) {
  const t = useTranslations("diagnosis.fix");
  return (
    <p className="flex flex-wrap items-baseline gap-x-2 text-sm text-slate-800" data-testid="filed-request" data-request-state={request.state}>
      <span>{t("grantFiled", { id: request.id, state: request.state, expires: request.expiresAt ? utcMinute(request.expiresAt) : "none" })}</span>
      <Link href={`/approvals/${encodeURIComponent(request.id)}`} className="text-blue-700 underline">
        {t("openRequest")}
      </Link>
    </p>
  );
}
