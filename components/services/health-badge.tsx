import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Tone } from "@/components/ui/tone";
import type { HealthIssueCode, RoleHealth } from "@/lib/inventory/types";

// These stop the service from getting credentials at all; the others need a look.
const BLOCKING: HealthIssueCode[] = ["role-missing", "trust-lacks-eas", "trust-unreadable", "config-invalid"];

/** The role-health verdict, with every reason in its title (and for screen readers, in its text). */
export function HealthBadge({ health }: { health: RoleHealth }) {
  const t = useTranslations("services.health");
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
  const titles = health.issues.map((i) => t(`issueTitle.${i.code}`, { detail: (i.detail ?? []).join("; ") }));
  const tone: Tone = health.issues.some((i) => BLOCKING.includes(i.code)) ? "danger" : "warning";
  const [first, ...rest] = health.issues;
  return (
    <span className="inline-flex flex-wrap gap-1" title={titles.join("\n")}>
      <Badge tone={tone} dot>
        {t(`issue.${first.code}`)}
      </Badge>
      {rest.map((i) => (
        <Badge key={i.code} tone="warning">
          {t(`issue.${i.code}`)}
        </Badge>
      ))}
      <span className="sr-only">{titles.join(" ")}</span>
    </span>
  );
}
