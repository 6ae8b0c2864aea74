import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Tone } from "@/components/ui/tone";
import type { StepResult } from "./api";

const TONE: Record<StepResult["state"], Tone> = { done: "success", skipped: "neutral", failed: "danger", not_run: "neutral" };

/** What each call of an applied plan did, with the cloud's RequestId. */
export function StepResults({ steps }: { steps: StepResult[] }) {
  const t = useTranslations("diagnosis.fix");
  const te = useTranslations("diagnosis.evidence");
  return (
    <ul className="space-y-1 text-xs" data-testid="step-results">
      {steps.map((s) => (
        <li key={s.id} className="flex flex-wrap items-center gap-2">
          <Badge tone={TONE[s.state]}>{t("stateLabel", { state: s.state })}</Badge>
          <span className="font-mono">{t("step", { operation: s.operation, target: s.target })}</span>
          {s.requestId && (
            <span className="text-slate-500">
              {te("requestId")}: <code className="font-mono" data-request-id>{s.requestId}</code>
            </span>
          )}
          {s.error && <span className="text-red-800">{s.error.code}: {s.error.message}</span>}
        </li>
      ))}
    </ul>
  );
}
