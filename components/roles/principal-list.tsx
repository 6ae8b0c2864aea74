import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TrustPrincipalView } from "@/lib/inventory/types";

/** A role's trusted principals, the EAS service principal highlighted and Deny marked. */
export function PrincipalList({ principals }: { principals: TrustPrincipalView[] }) {
  const t = useTranslations("roles");
  if (principals.length === 0) return <span className="text-xs text-slate-600">{t("nobody")}</span>;
  return (
    <ul className="space-y-0.5">
      {principals.map((p, i) => (
        <li key={i} className="flex flex-wrap items-center gap-1 font-mono text-xs">
          <span className={p.isEas ? "rounded bg-emerald-50 px-1 text-emerald-900 ring-1 ring-emerald-600/30" : "whitespace-nowrap"} title={p.kind}>
            {p.value}
          </span>
          {p.effect === "Deny" && <Badge tone="danger">{t("deny")}</Badge>}
          {p.conditional && <span className="font-sans text-[11px] text-slate-500">{t("conditional")}</span>}
        </li>
      ))}
    </ul>
  );
}
