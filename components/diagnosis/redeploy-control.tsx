"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import { ApiCallError, sendJson } from "@/components/ui/fetch-json";
import { redeployUrl, type WriteAnswer } from "./api";

/** "Redeploy and watch": says what it sends, asks once more, then hands over to the watch. */
export function RedeployControl({ region, name, onStarted, primary }: { region: string; name: string; onStarted: () => void; primary: boolean }) {
  const t = useTranslations("diagnosis.watch");
  const tc = useTranslations("common");
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
  if (!asking) {
    return (
      <Button size="sm" variant={primary ? "primary" : "secondary"} onClick={() => setAsking(true)} data-cloud-write>
        {t("redeploy")}
      </Button>
    );
  }
  return (
    <div className="flex max-w-xl flex-wrap items-center gap-2 rounded border border-blue-200 bg-blue-50 px-3 py-2 text-xs text-slate-800" data-testid="redeploy-confirm">
      <span className="min-w-0 flex-1">{t("redeployPreview")}</span>
      <Button size="sm" variant="primary" onClick={go} disabled={busy} data-cloud-write>
        {busy ? t("redeploying") : t("confirmRedeploy")}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setAsking(false)} disabled={busy}>
        {tc("cancel")}
      </Button>
      {error && <ErrorState title={error.message} code={error.shownCode} requestId={error.requestId} requestIdLabel={tc("requestId")} />}
    </div>
  );
}
