"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Tone } from "@/components/ui/tone";
import type { ApplyState, StepState } from "./use-apply";

const TONE: Record<StepState, Tone> = { pending: "neutral", running: "info", done: "success", skipped: "success", failed: "danger", not_run: "neutral" };

/** Each step as it runs; after a failure, what was done and what was not, in words. */
export function PlanProgress({ run }: { run: ApplyState }) {
  const t = useTranslations("wizard.progress");
  const tc = useTranslations("common");
  if (run.steps.length === 0) return null;
  const failed = run.steps.findIndex((s) => s.state === "failed");
  const done = run.steps.filter((s) => s.state === "done" || s.state === "skipped");
  const notRun = run.steps.filter((s) => s.state === "not_run");
  return (
    <div className="space-y-2">
      <ol className="space-y-1" aria-label={t("label")}>
        {run.steps.map((s, i) => (
          <li key={s.id} className="flex flex-wrap items-center gap-2 text-sm" data-testid={`step-${s.id}`} data-state={s.state}>
            <span className="w-6 text-right text-xs text-slate-500">{i + 1}.</span>
            <Badge tone={TONE[s.state]} dot>{t(`state.${s.state}`)}</Badge>
            <code className="font-mono text-slate-900">{s.operation}</code>
            <span className="text-slate-600">{s.target}</span>
            {s.requestId && (
              <span className="text-xs text-slate-500">
                {tc("requestId")}: <code className="font-mono">{s.requestId}</code>
              </span>
            )}
            {s.error && (
              <span className="w-full pl-8 text-xs text-red-800">
                <code className="mr-1 rounded bg-red-50 px-1 font-mono">{s.error.code}</code>
                {s.error.message}
              </span>
            )}
          </li>
        ))}
      </ol>
      {failed >= 0 && (
        <p role="alert" className="text-sm text-red-900" data-testid="failure-report">
          {t("report", {
            step: failed + 1,
            total: run.steps.length,
            operation: run.steps[failed].operation,
            done: done.length,
            doneList: done.map((s) => s.operation).join(", ") || "—",
            notRun: notRun.length,
            notRunList: notRun.map((s) => s.operation).join(", ") || "—",
          })}
        </p>
      )}
    </div>
  );
}
