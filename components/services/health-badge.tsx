import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { healthTone } from "@/components/diagnosis/cause-badge";
import type { RoleHealth } from "@/lib/inventory/types";


/** The health verdict: the cause of a failed deployment first, every other finding after, each reason in its title. */
export function HealthBadge({ health }: { health: RoleHealth }) {
  const t = useTranslations("services.health");
  const td = useTranslations("diagnosis.health");
  if (health.state === "none") {
    return <span className="text-xs text-slate-500" title={t("noneTitle")}>{t("none")}</span>;
  }
  if (health.state === "ok") {
    return (
      <Badge tone="success" dot title={t("okTitle")}>
        {t("ok")}
      </Badge>
    );
  }
  const titles = health.issues.map((i) => td(`${i.code}.title`, { detail: (i.detail ?? []).join("; ") }));
  const [first, ...rest] = health.issues;
  return (
    <span className="inline-flex flex-wrap gap-1" title={titles.join("\n")} data-health-codes={health.issues.map((i) => i.code).join(" ")}>
      <Badge tone={healthTone(first.code)} dot>
        {td(`${first.code}.label`)}
      </Badge>
      {rest.map((i) => (
        <Badge key={i.code} tone={healthTone(i.code)}>
          {td(`${i.code}.label`)}
        </Badge>
      ))}
      <span className="sr-only">{titles.join(" ")}</span>
    </span>
  );
}

/** While the role's facts are being read: neutral, so nothing reads as a verdict before there is one. */
export function HealthChecking() {
  const t = useTranslations("services.health");
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap py-0.5 text-xs text-slate-500" title={t("checkingTitle")} data-health-checking="">
      <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-slate-400" />
      {t("checking")}
    </span>
  );
}
