import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Tone } from "@/components/ui/tone";
import type { DiagnosisBody } from "./api";

function causeTone(d: Pick<DiagnosisBody, "cause" | "cleared" | "deploying">): Tone {
  // A deployment under way is not healthy yet: it is in progress, or predicted to fail.
  if (d.deploying) return d.deploying.predicted ? "warning" : "info";
  if (d.cause.code === "NONE") return "success";
  if (d.cause.code === "UNKNOWN") return d.cleared ? "info" : "warning";
  return "danger";
}

/** The cause in one badge and one sentence, with its stable code. */
export function CauseSummary({ d }: { d: DiagnosisBody }) {
  const t = useTranslations("diagnosis");
  const { code, values } = d.cause;
  const label = d.cleared
    ? t("health.REDEPLOY_PENDING.label")
    : d.deploying
      ? t(d.deploying.predicted ? "cause.NONE.willFailLabel" : "cause.NONE.deployingLabel")
      : t(`health.${code}.label`);
  const summary = d.cleared ? t("cause.UNKNOWN.cleared") : d.deploying ? t("cause.NONE.deploying", { status: d.status }) : t(`cause.${code}.summary`, values as Record<string, string | number>);
  // A deployment under way that the readiness rules say will fail says so before it does.
  const predicted = d.deploying?.predicted;
  return (
    <div className="space-y-1" data-testid="cause" data-cause={code}>
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={causeTone(d)} dot>
          {label}
        </Badge>
        <code className="font-mono text-xs text-slate-600" title={t("panel.code")}>{code}</code>
      </p>
      <p className="text-sm font-medium text-slate-900">{summary}</p>
      {predicted ? (
        <p className="text-sm text-amber-900" data-testid="predicted" data-cause={predicted.code}>
          {t("cause.NONE.predicted", { summary: predicted.summary })}
        </p>
      ) : null}
    </div>
  );
}
