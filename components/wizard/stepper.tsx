"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Step } from "@/lib/wizard/state";

/** The setup's steps, the current one marked; a step opens only once every step before it is complete. */
export function Stepper({ steps, current, complete, hrefOf }: { steps: Step[]; current: Step; complete: (s: Step) => boolean; hrefOf: (s: Step) => string }) {
  const t = useTranslations("wizard.steps");
  const open = (i: number) => steps.slice(0, i).every(complete);
  return (
    <nav aria-label={t("label")}>
      <ol className="space-y-0.5">
        {steps.map((s, i) => {
          const isCurrent = s === current;
          const body = (
            <>
              <span className={`flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-[11px] font-semibold ${isCurrent ? "bg-blue-600 text-white" : complete(s) && i < steps.indexOf(current) ? "bg-emerald-600 text-white" : "bg-slate-200 text-slate-700"}`}>
                {i + 1}
              </span>
              <span>{t(s)}</span>
            </>
          );
          const cls = `flex items-center gap-2 rounded px-2 py-1.5 text-sm ${isCurrent ? "bg-blue-50 font-medium text-blue-900" : "text-slate-700"}`;
          return (
            <li key={s}>
              {isCurrent || !open(i) ? (
                <span aria-current={isCurrent ? "step" : undefined} aria-disabled={!isCurrent || undefined} className={`${cls} ${!isCurrent ? "opacity-60" : ""}`}>
                  {body}
                </span>
              ) : (
                <Link href={hrefOf(s)} scroll={false} className={`${cls} hover:bg-slate-100`}>
                  {body}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
