"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";

export function Pager({ page, pageSize, total, hrefWith }: {
  page: number;
  pageSize: number;
  total: number;
  hrefWith: (changes: Record<string, string | undefined>) => string;
}) {
  const t = useTranslations("services");
  const last = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const link = (target: number, label: string, text: string) =>
    target < 1 || target > last ? (
      <span aria-disabled="true" className={`${buttonClasses("secondary", "sm")} cursor-not-allowed opacity-50`}>
        {text}
      </span>
    ) : (
      <Link href={hrefWith({ page: target === 1 ? undefined : String(target) })} scroll={false} aria-label={label} className={buttonClasses("secondary", "sm")}>
        {text}
      </Link>
    );
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-end gap-2 text-xs text-slate-600">
      <span>{t("pageInfo", { from, to, total })}</span>
      {link(page - 1, t("prev"), "‹")}
      {link(page + 1, t("next"), "›")}
    </nav>
  );
}
