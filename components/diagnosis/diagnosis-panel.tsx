"use client";

import { useCallback, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Panel } from "@/components/ui/panel";
import { fetchJson } from "@/components/ui/fetch-json";
import { AdviceList } from "./advice-list";
import { DEPLOYING, FAILING, diagnosisKey, diagnosisUrl, type DiagnosisBody, type FixView, type LiveDiagnosis, type WriteAnswer } from "./api";
import { CauseSummary } from "./cause-summary";
import { EvidenceList } from "./evidence-list";
import { FiledRequest } from "./filed-request";
import { FixCard } from "./fix-card";
import { RedeployControl } from "./redeploy-control";
import { StepResults } from "./step-results";
import { ShareLink } from "./share-link";
import { WatchDeployment } from "./watch-deployment";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="space-y-2">
      <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </div>
  );
}

/**
 * A service's diagnosis: the cause, what EAS said, the evidence, and the fixes with their
 * previews. Admins apply a fix, redeploy and watch the deployment to its end, the diagnosis
 * refreshed as it ends; engineers see the same with a link to hand to an admin.
 */
export function DiagnosisPanel({ initial, canFix, readOnly, sharePath }: { initial: DiagnosisBody; canFix: boolean; readOnly: boolean; sharePath: string }) {
  const t = useTranslations("diagnosis");
  const router = useRouter();
  const client = useQueryClient();
  const { region, name } = initial.service;
  const key = useMemo(() => diagnosisKey(region, name), [region, name]);
  const { data: d } = useQuery({ queryKey: key, queryFn: () => fetchJson<DiagnosisBody>(diagnosisUrl(region, name)), initialData: initial, staleTime: 15_000 });
  // One watch per deployment followed: it stays on the page with how it ended.
  const [watch, setWatch] = useState<{ id: number; ended: boolean } | undefined>(DEPLOYING.has(initial.status) ? { id: 0, ended: false } : undefined);
  const startWatch = () => setWatch((w) => ({ id: (w?.id ?? 0) + 1, ended: false }));
  const watching = watch !== undefined && !watch.ended;
  const [stale, setStale] = useState(false);
  // What was applied stays in view after the diagnosis moves on (the fix is no longer offered).
  const [done, setDone] = useState<{ fix: FixView; answer: WriteAnswer }>();
  const reread = useCallback(() => client.invalidateQueries({ queryKey: key }), [client, key]);
  const ended = useCallback(
    (live: LiveDiagnosis) => {
      setWatch((w) => (w ? { ...w, ended: true } : w));
      const body: LiveDiagnosis = { ...live };
      delete body.events;
      client.setQueryData(key, body);
      router.refresh();
    },
    [client, key, router],
  );
  const onStale = () => {
    setStale(true);
    void reread();
  };
  const applied = (fix: FixView, answer: WriteAnswer) => {
    setStale(false);
    setDone({ fix, answer });
    if (fix.redeploys) startWatch();
    else void reread();
    // The page's other panels and its "Data as of" show the account as the fix left it.
    router.refresh();
  };
  const failing = FAILING.has(d.status) || d.cleared === true;
  const evidence = d.cause.evidence.filter((e) => e.kind !== "event");
  return (
    // The anchor a shared link lands on.
    <div id="diagnosis" className="scroll-mt-4">
    <Panel
      id="diagnosis-panel"
      title={t("panel.title")}
      actions={canFix && failing && !watching ? <RedeployControl region={region} name={name} onStarted={startWatch} primary={d.fixes.length === 0} /> : undefined}
    >
      <div className="space-y-4" data-testid="diagnosis" data-status={d.status}>
        <CauseSummary d={d} />
        {d.cause.code === "NONE" && !watching && <p className="text-sm text-slate-600">{DEPLOYING.has(d.status) ? t("panel.inProgress") : t("panel.none")}</p>}
        {d.event && d.cause.code !== "NONE" && (
          <Section title={t("panel.said")}>
            <p className="break-words rounded bg-slate-50 px-2 py-1.5 font-mono text-xs text-slate-800" data-testid="event-said">
              <span className="font-semibold">{d.event.reason}</span> · {d.event.message}
            </p>
          </Section>
        )}
        {evidence.length > 0 && (
          <Section title={t("panel.evidence")}>
            <EvidenceList evidence={evidence} />
          </Section>
        )}
        {done && (
          <div className="space-y-1.5 rounded border border-emerald-200 bg-emerald-50/60 p-3" role="status" data-testid="applied" data-fix-id={done.fix.id}>
            <p className="text-sm font-medium text-slate-900">{done.fix.title}</p>
            <p className="text-sm text-emerald-800">{done.answer.ok ? t("fix.applied", { id: String(done.answer.audit.id) }) : t("fix.failed")}</p>
            <StepResults steps={done.answer.steps} />
            {done.answer.request && <FiledRequest request={done.answer.request} />}
          </div>
        )}
        {d.fixes.length > 0 && (
          <Section title={t("panel.fixes")}>
            {stale && <p role="status" className="text-xs text-amber-800">{t("fix.stale")}</p>}
            <ul className="space-y-2">
              {d.fixes.map((f) => (
                <FixCard key={`${f.id}:${f.preview.token}`} fix={f} region={region} name={name} canFix={canFix} onApplied={applied} onStale={onStale} showResult={false} />
              ))}
            </ul>
          </Section>
        )}
        {d.fixes.length === 0 && d.cause.code !== "NONE" && d.cause.code !== "UNKNOWN" && (
          <p className="text-sm text-slate-600">{d.advice.length > 0 ? t("panel.noFix") : t("panel.noFixFound")}</p>
        )}
        {d.advice.length > 0 && (
          <Section title={t("panel.advice")}>
            <AdviceList advice={d.advice} />
          </Section>
        )}
        {readOnly && (d.fixes.length > 0 || failing) && <p className="text-sm text-slate-700" data-testid="read-only-fixes">{t("panel.readOnly")}</p>}
        {!canFix && !readOnly && (d.fixes.length > 0 || failing) && <ShareLink path={sharePath} askAdmin={d.fixes.length > 0 || d.cleared === true} />}
        {watch && <WatchDeployment key={watch.id} region={region} name={name} onEnded={ended} />}
      </div>
    </Panel>
    </div>
  );
}
