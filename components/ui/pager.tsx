import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "./button";
import { FilterSelect } from "./filter-controls";
import type { ParamChanges } from "./use-list-params";

/** "21–40 of 57 ‹ ›", page links in the URL, and a rows-per-page choice when `pageSizes` is given. */
export function Pager({ page, pageSize, total, hrefWith, pageSizes, onPageSize }: {
  page: number;
  pageSize: number;
  total: number;
  hrefWith: (changes: ParamChanges) => string;
  pageSizes?: readonly number[];
  onPageSize?: (size: number) => void;
}) {
  const t = useTranslations("common");
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
  // A size set by hand in the URL (say 5) stays selectable, so the control never shows a value it does not hold.
  const sizes = pageSizes && [...new Set([...pageSizes, pageSize])].sort((a, b) => a - b);
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-end gap-2 text-xs text-slate-600">
      {sizes && onPageSize && (
        <FilterSelect
          label={t("pageSize")}
          value={String(pageSize)}
          options={sizes.map((s) => ({ value: String(s), label: String(s) }))}
          onChange={(v) => onPageSize(Number(v))}
        />
      )}
      <span>{t("pageInfo", { from, to, total })}</span>
      {link(page - 1, t("prev"), "‹")}
      {link(page + 1, t("next"), "›")}
    </nav>
  );
}
