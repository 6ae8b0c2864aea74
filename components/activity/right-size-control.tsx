"use client";

import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorState } from "@/components/ui/states";
import { ApiCallError, sendJson } from "@/components/ui/fetch-json";
import type { RightSizeOffer } from "@/lib/activity/right-size";
import type { ServiceRef } from "@/lib/inventory/types";

interface Answer {
  ok: boolean;
  steps: { id: string; operation: string; target: string; state: string; requestId?: string }[];
  audit: { id: number | string };
}

type Result = { kind: "applied"; answer: Answer } | { kind: "error"; error: ApiCallError };

/** The right-sizing's preview in words (what it drops and keeps, who uses the role) and, for admins, the apply. */
export function RightSizeControl({ role, days, offer, usedBy, canApply }: { role: string; days: number; offer: RightSizeOffer; usedBy: ServiceRef[]; canApply: boolean }) {
  const t = useTranslations("activity.rightSize");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>();
  const s = offer.summary;
  const apply = async () => {
    setBusy(true);
    try {
      const answer = await sendJson<Answer>(`/api/roles/${encodeURIComponent(role)}/right-size`, "POST", { confirm: true, token: offer.preview.token, days });
      setResult({ kind: "applied", answer });
    } catch (err) {
      setResult({ kind: "error", error: err instanceof ApiCallError ? err : new ApiCallError(0, { code: "network", message: String(err) }) });
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  const preview = (
    <div className="space-y-2 text-sm text-slate-800" data-testid="right-size-preview">
      <p className="font-medium">{t("summary", { dropped: s.dropped, granted: s.granted, kept: s.kept, wildcards: s.wildcards })}</p>
      {s.deployNeeds.length > 0 ? (
        <div>
          <p>{t("deployKept")}</p>
          <ul className="ml-4 list-disc">{s.deployNeeds.map((k) => <li key={k}>{t("need", { kind: k.replace(/-/g, "_") })}</li>)}</ul>
        </div>
      ) : (
        <p>{t("noDeploy")}</p>
      )}
      {usedBy.length > 0 ? (
        <div>
          <p>{t("usedBy")}</p>
          <ul className="ml-4 list-disc">
            {usedBy.map((u) => (
              <li key={`${u.region}/${u.name}`}>
                <Link className="font-mono text-blue-700 hover:underline" href={`/services/${encodeURIComponent(u.region)}/${encodeURIComponent(u.name)}`}>{u.name}</Link>
                <span className="ml-2 text-xs text-slate-500">{u.region}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>{t("noServices")}</p>
      )}
      <p>{t("creates", { policy: s.policyName })}</p>
      <div>
        <p>{t("replaces")}</p>
        <ul className="ml-4 list-disc font-mono text-xs">{s.replaces.map((p) => <li key={`${p.policyType}:${p.policyName}`}>{p.policyType}:{p.policyName}</li>)}</ul>
      </div>
      <ol className="ml-4 list-decimal text-xs text-slate-700">
        {offer.preview.steps.map((st) => <li key={st.id}>{t("step", { operation: st.operation, target: st.target })}</li>)}
      </ol>
    </div>
  );
  return (
    <div className="space-y-2 rounded border border-slate-200 p-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open}>{open ? t("hidePreview") : t("preview")}</Button>
        {canApply && result?.kind !== "applied" && (
          <Button size="sm" variant="primary" onClick={() => setAsking(true)} disabled={busy}>{t("apply")}</Button>
        )}
        {!canApply && <span className="text-xs text-slate-600">{t("adminOnly")}</span>}
      </div>
      {open && result?.kind !== "applied" && preview}
      {canApply && (
        <ConfirmDialog open={asking} title={t("confirmTitle", { role })} confirmLabel={t("confirmApply")} cancelLabel={tc("cancel")} busy={busy} busyLabel={t("applying")} onConfirm={apply} onCancel={() => setAsking(false)}>
          <p className="mb-3 text-sm text-slate-700">{t("confirmIntro")}</p>
          {preview}
        </ConfirmDialog>
      )}
      {result?.kind === "applied" && (
        <p role="status" className="text-sm text-emerald-800">{result.answer.ok ? t("applied", { id: String(result.answer.audit.id) }) : t("failed")}</p>
      )}
      {result?.kind === "error" && (
        <ErrorState title={t("failed")} code={result.error.shownCode} message={result.error.message} requestId={result.error.requestId} requestIdLabel={tc("requestId")} />
      )}
    </div>
  );
}
