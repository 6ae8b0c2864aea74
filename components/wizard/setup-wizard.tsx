"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { SetupContext } from "@/lib/setup/load-context";
import { firstIncomplete, methodOf, stepIssues, stepsFor } from "@/lib/wizard/steps";
import type { Step } from "@/lib/wizard/state";
import { Button, buttonClasses } from "@/components/ui/button";
import { DeployStep } from "./deploy-step";
import { fieldId } from "./field";
import { Method1Step } from "./method1-step";
import { MethodStep } from "./method-step";
import { NeedsStep } from "./needs-step";
import { Notice } from "./notice";
import { OutputsStep } from "./outputs-step";
import { PreviewStep } from "./preview-step";
import { RoleStep } from "./role-step";
import { Stepper } from "./stepper";
import { useSetupState } from "./use-setup-state";

// The setup wizard: one step at a time, every answer in the URL, each step checked before the next.
export function SetupWizard({ context, canWrite, readOnly }: { context: SetupContext; canWrite: boolean; readOnly: boolean }) {
  const t = useTranslations("wizard");
  const { state, update, linkTo } = useSetupState();
  const steps = stepsFor(state);
  const step: Step = steps.includes(state.step) ? state.step : "needs";
  const index = steps.indexOf(step);
  const issues = stepIssues(state, step, context.regions);
  const [tried, setTried] = useState<Step | null>(null);
  const shown = tried === step ? issues : issues.filter((i) => i.rule !== "required");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [step]);

  const blocked = firstIncomplete(state, step, context.regions);
  const next = steps[index + 1];
  const goNext = () => {
    if (issues.length > 0) {
      setTried(step);
      document.getElementById(fieldId(issues[0].field))?.focus();
      return;
    }
    setTried(null);
    update({ step: next, ...(step === "method" ? { method: methodOf(state) } : {}) }, { push: true });
    window.scrollTo(0, 0);
  };

  const body = (() => {
    switch (step) {
      case "needs":
        return <NeedsStep needs={state.needs} regions={context.regions} issues={shown} onChange={(needs) => update({ needs })} />;
      case "method":
        return <MethodStep needs={state.needs} method={methodOf(state)} defaultRole={context.defaultRole} onChoose={(method) => update({ method })} />;
      case "method1":
        return <Method1Step state={state} issues={shown} defaultRole={context.defaultRole} workspaces={context.workspaces[state.needs.region] ?? []} update={update} />;
      case "role":
        return <RoleStep state={state} accountId={context.accountId} linkedRamUser={context.linkedRamUser} issues={shown} update={update} />;
      case "preview":
        return <PreviewStep state={state} canWrite={canWrite} readOnly={readOnly} />;
      case "outputs":
        return <OutputsStep state={state} accountId={context.accountId} users={context.users} linkedRamUser={context.linkedRamUser} issues={shown} update={update} />;
      case "deploy":
        return <DeployStep state={state} accountId={context.accountId} linkedRamUser={context.linkedRamUser} canWrite={canWrite} readOnly={readOnly} />;
    }
  })();

  return (
    <div className="grid grid-cols-[12rem_minmax(0,1fr)] gap-6">
      <aside>
        <Stepper steps={steps} current={step} complete={(s) => stepIssues(state, s, context.regions).length === 0} hrefOf={(s) => linkTo({ step: s })} />
      </aside>
      <section aria-labelledby="step-heading" className="min-w-0 space-y-4">
        <div>
          <p className="text-xs text-slate-600">{t("stepOf", { n: index + 1, total: steps.length })}</p>
          <h2 id="step-heading" ref={heading} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none">
            {t(`steps.${step}`)}
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">{t(`stepIntro.${step}`)}</p>
        </div>
        {blocked ? (
          <Notice tone="warning" title={t("finishFirst", { step: t(`steps.${blocked}`) })}>
            <Link href={linkTo({ step: blocked })} className="text-blue-700 underline">
              {t("goTo", { step: t(`steps.${blocked}`) })}
            </Link>
          </Notice>
        ) : (
          body
        )}
        {!blocked && (
          <div className="flex items-center justify-between border-t border-slate-200 pt-3">
            {index > 0 ? (
              <Link href={linkTo({ step: steps[index - 1] })} className={buttonClasses("secondary")}>
                {t("back")}
              </Link>
            ) : (
              <span />
            )}
            {next && (
              <Button variant="primary" onClick={goNext}>
                {t("next", { step: t(`steps.${next}`) })}
              </Button>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
