import Link from "next/link";
import { useTranslations } from "next-intl";
import { roleHref } from "@/components/inventory/links";
import type { RoleMode } from "@/lib/inventory/types";

/** None, the PAI default role (Method 1) or a custom role (Method 2) linked to its page. */
export function RoleModeCell({ mode, roleName }: { mode: RoleMode; roleName?: string }) {
  const t = useTranslations("services.mode");
  if (mode === "none") return <span className="text-xs text-slate-600">{t("none")}</span>;
  const method = <span className="ml-1.5 text-xs text-slate-500">{mode === "default" ? t("defaultMethod") : t("customMethod")}</span>;
  if (mode === "default") {
    return (
      <span className="whitespace-nowrap">
        {t("default")}
        {method}
      </span>
    );
  }
  return (
    <span className="whitespace-nowrap">
      {roleName ? (
        <Link href={roleHref(roleName)} className="font-mono text-xs text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
          {roleName}
        </Link>
      ) : (
        t("custom")
      )}
      {method}
    </span>
  );
}
