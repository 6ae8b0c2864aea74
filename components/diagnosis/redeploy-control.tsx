"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorState } from "@/components/ui/states";
import { ApiCallError, sendJson } from "@/components/ui/fetch-json";
import { redeployUrl, type WriteAnswer } from "./api";

/** "Redeploy and watch": shows what it sends in a dialog, asks once more, then hands over to the watch. */
export function RedeployControl({ region, name, onStarted, primary }: { region: string; name: string; onStarted: () => void; primary: boolean }) {
  const t = useTranslations("diagnosis.watch");
  const tc = useTranslations("common");
  const tf = useTranslations("diagnosis.fix");
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError>();
  const go = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await sendJson<WriteAnswer>(redeployUrl(region, name), "POST", { confirm: true });
      setAsking(false);
      onStarted();
    } catch (err) {
      setError(err instanceof ApiCallError ? err : new ApiCallError(0, { code: "network", message: String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="sm" variant={primary ? "primary" : "secondary"} onClick={() => setAsking(true)}>
        {t("redeploy")}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t("confirmTitle", { name })}
        confirmLabel={t("confirmRedeploy")}
        cancelLabel={tc("cancel")}
        busy={busy}
        busyLabel={t("redeploying")}
        onConfirm={go}
        onCancel={() => {
          setAsking(false);
          setError(undefined);
        }}
        footer={error && <ErrorState title={error.message} code={error.shownCode} requestId={error.requestId} requestIdLabel={tc("requestId")} />}
      >
        <div className="space-y-2" data-testid="redeploy-confirm">
          <p className="text-sm text-slate-700">{t("redeployPreview")}</p>
          <p className="text-sm font-medium text-slate-800">
            <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">EAS</span>
            {tf("step", { operation: "RestartService", target: `${region}/${name}` })}
          </p>
        </div>
      </ConfirmDialog>
    </>
  );
}
