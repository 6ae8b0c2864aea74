"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorState } from "@/components/ui/states";
import { fetchJson, sendJson } from "@/components/ui/fetch-json";
import type { FleetService } from "@/lib/diagnosis/fleet";
import { diagnosisKey, diagnosisUrl, redeployUrl, type DiagnosisBody } from "./api";
import { FixCard } from "./fix-card";

/**
 * Fixing a group of services that share one cause and one subject: the first service's fixes
 * act on what they share (its role, its deployer), so one fix heals them all; then every
 * service of the group is redeployed, one after another.
 */
export function GroupFix({ services, canFix, readOnly, fixable }: { services: FleetService[]; canFix: boolean; readOnly: boolean; fixable: boolean }) {
  const t = useTranslations("diagnosis");
  const tc = useTranslations("common");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState(false);
  const [fixed, setFixed] = useState(!fixable);
  const [redeployed, setRedeployed] = useState<number>();
  const [error, setError] = useState<string>();
  const first = services[0];
  const diagnosis = useQuery({ queryKey: diagnosisKey(first.region, first.name), queryFn: () => fetchJson<DiagnosisBody>(diagnosisUrl(first.region, first.name)), enabled: open && fixable });
  const redeployAll = async () => {
    setAsking(false);
    setError(undefined);
    setRedeployed(0);
    for (const [i, s] of services.entries()) {
      try {
        await sendJson(redeployUrl(s.region, s.name), "POST", { confirm: true });
        setRedeployed(i + 1);
      } catch (err) {
        setError(`${s.name}: ${(err as Error).message}`);
        return;
      }
    }
    router.refresh();
  };
  if (!canFix) return <span className="text-xs text-slate-600">{readOnly ? t("fleet.readOnly") : t("fleet.askAdmin")}</span>;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {fixable && (
          <Button size="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {t("fleet.fixAll")}
          </Button>
        )}
        {fixed && (
          <Button size="sm" variant="primary" onClick={() => setAsking(true)} disabled={redeployed !== undefined && redeployed < services.length && !error}>
            {t("fleet.redeployAll", { count: services.length })}
          </Button>
        )}
        {redeployed !== undefined && <span className="text-xs text-slate-600" role="status">{t("fleet.redeployed", { done: redeployed, count: services.length })}</span>}
      </div>
      <ConfirmDialog
        open={asking}
        title={t("fleet.confirmTitle", { count: services.length })}
        confirmLabel={t("watch.confirmRedeploy")}
        cancelLabel={tc("cancel")}
        onConfirm={redeployAll}
        onCancel={() => setAsking(false)}
      >
        <p className="mb-2 text-sm text-slate-700">{t("fleet.confirmIntro")}</p>
        <ul className="space-y-1" data-testid="redeploy-list">
          {services.map((s) => (
            <li key={`${s.region}/${s.name}`} className="font-mono text-xs">
              {`RestartService · ${s.region}/${s.name}`}
            </li>
          ))}
        </ul>
      </ConfirmDialog>
      {error && <ErrorState title={error} />}
      {open && diagnosis.isPending && <p className="text-xs text-slate-500">{tc("loading")}</p>}
      {open && diagnosis.data && (
        <ul className="space-y-2">
          {diagnosis.data.fixes.map((f) => (
            <FixCard key={`${f.id}:${f.preview.token}`} fix={f} region={first.region} name={first.name} canFix onApplied={() => setFixed(true)} onStale={() => void diagnosis.refetch()} />
          ))}
        </ul>
      )}
    </div>
  );
}
