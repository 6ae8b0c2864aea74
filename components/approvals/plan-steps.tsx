import { useTranslations } from "next-intl";
import type { PlanPreview } from "@/lib/writes/plan";

/** The cloud calls a plan makes, with their exact parameters (documents are shown beside it in full). */
export function PlanSteps({ plan }: { plan: PlanPreview }) {
  const t = useTranslations("approvals.review");
  return (
    <ol className="space-y-1.5 text-sm" data-testid="plan-steps">
      {plan.steps.map((s, i) => (
        <li key={s.id}>
          <span className="font-mono text-xs font-semibold text-slate-900">{t("step", { n: i + 1, operation: s.operation })}</span>
          <span className="ml-2 font-mono text-xs text-slate-600">
            {Object.entries(s.params)
              .filter(([k]) => k !== "PolicyDocument")
              .map(([k, v]) => `${k}=${String(v)}`)
              .join("  ")}
          </span>
        </li>
      ))}
    </ol>
  );
}
