"use client";

import { useTranslations } from "next-intl";
import type { NeedCoverage } from "@/lib/wizard/checks";
import type { TrustVerdict } from "@/lib/readiness/trust";
import { Badge } from "@/components/ui/badge";

export function TrustBadge({ trust }: { trust: TrustVerdict }) {
  const t = useTranslations("wizard.role");
  if (trust.allowed) return <Badge tone="success" dot>{t("easCanAssume")}</Badge>;
  return (
    <Badge tone="danger" dot title={t(`trustReason.${trust.reason}`)}>
      {t("easCannotAssume")}
    </Badge>
  );
}

/** Each need with whether the role's policies cover it; a gap names the action and resource refused. */
export function CoverageList({ coverage }: { coverage: NeedCoverage[] }) {
  const t = useTranslations("wizard");
  if (coverage.length === 0) return <span className="text-xs text-slate-500">{t("role.noNeeds")}</span>;
  return (
    <ul className="space-y-1 text-xs">
      {coverage.map((c) => (
        <li key={c.id} className="flex flex-wrap items-baseline gap-1.5" data-need={c.id} data-state={c.state}>
          <Badge tone={c.state === "covered" ? "success" : c.state === "gap" ? "danger" : "neutral"}>{t(`role.coverage.${c.state}`)}</Badge>
          <span className="text-slate-800">{t(`need.${c.kind}`, { target: c.target })}</span>
          {c.gap && <span className="break-all text-red-800">{t("role.gap", { action: c.gap.action, resource: c.gap.resource })}</span>}
        </li>
      ))}
    </ul>
  );
}
