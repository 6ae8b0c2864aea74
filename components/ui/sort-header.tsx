import Link from "next/link";
import { useTranslations } from "next-intl";
import { TH } from "./table";
import type { ParamChanges } from "./use-list-params";

/** A column header that sorts by link, so the sort is in the URL and works from the keyboard. */
export function SortHeader({ label, field, sort, hrefWith }: {
  label: string;
  field: string;
  sort: string;
  hrefWith: (changes: ParamChanges) => string;
}) {
  const t = useTranslations("common");
  const active = sort === field || sort === `-${field}`;
  const desc = sort === `-${field}`;
  const nextSort = active && !desc ? `-${field}` : field;
  return (
    <TH aria-sort={active ? (desc ? "descending" : "ascending") : undefined}>
      <Link
        href={hrefWith({ sort: nextSort })}
        scroll={false}
        aria-label={t("sortBy", { column: label })}
        className="inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        {label}
        <span aria-hidden className={active ? "text-slate-900" : "text-slate-300"}>
          {active && desc ? "▼" : "▲"}
        </span>
      </Link>
    </TH>
  );
}
