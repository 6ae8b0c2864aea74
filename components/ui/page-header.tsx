import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

export function PageHeader({ title, description, actions, breadcrumb }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; breadcrumb?: ReactNode }) {
  const t = useTranslations("common");
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        {breadcrumb && <nav aria-label={t("breadcrumb")} className="mb-1 text-xs text-slate-500">{breadcrumb}</nav>}
        <h1 className="truncate text-lg font-semibold text-slate-900">{title}</h1>
        {description && <p className="mt-0.5 text-sm text-slate-600">{description}</p>}
      </div>
      {actions && <div className="flex items-center gap-2">{actions}</div>}
    </div>
  );
}
