"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorState } from "@/components/ui/states";
import { ApiCallError, fetchJson, sendJson } from "@/components/ui/fetch-json";
import { BOUNDED_DURATIONS, type BoundedDuration } from "@/lib/request-workflow";
import { fixUrl, type FixView, type WriteAnswer } from "./api";
import { FiledRequest } from "./filed-request";
import { PlanPreview } from "./plan-preview";
import { StepResults } from "./step-results";

type Result = { kind: "applied"; answer: WriteAnswer } | { kind: "error"; error: ApiCallError };

/**
 * One fix: its title, its preview (what changes, as a diff), and for admins the apply button,
 * which opens the same preview in a dialog and applies exactly it once confirmed. A stale preview
 * comes back as a conflict: `onStale` is to read the diagnosis again, which brings a new preview.
 * A PassRole grant (grant-passrole) is for a duration the admin picks; each is its own preview.
 */
export function FixCard({ fix: offered, region, name, canFix, onApplied, onStale, showResult = true }: {
  fix: FixView;
  region: string;
  name: string;
  canFix: boolean;
  onApplied: (fix: FixView, answer: WriteAnswer) => void;
  onStale: () => void;
  /** False where the caller shows what was applied itself. */
  showResult?: boolean;
}) {
  const t = useTranslations("diagnosis.fix");
  const tc = useTranslations("common");
  const td = useTranslations("approvals.durations");
  // What is shown and applied: the fix as offered, or its preview for another grant duration.
  const [fix, setFix] = useState(offered);
  const grant = fix.preview.grant;
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>();
  const fail = (err: unknown) => (err instanceof ApiCallError ? err : new ApiCallError(0, { code: "network", message: String(err) }));
  const choose = async (duration: BoundedDuration) => {
    setBusy(true);
    setResult(undefined);
    try {
      setFix((await fetchJson<{ fix: FixView }>(`${fixUrl(region, name, fix.id)}?duration=${duration}`)).fix);
    } catch (err) {
      setResult({ kind: "error", error: fail(err) });
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    setBusy(true);
    setResult(undefined);
    try {
      const answer = await sendJson<WriteAnswer>(fixUrl(region, name, fix.id), "POST", { confirm: true, token: fix.preview.token, ...(grant ? { duration: grant.duration } : {}) });
      setResult({ kind: "applied", answer });
      setAsking(false);
      onApplied(fix, answer);
    } catch (err) {
      const error = fail(err);
      setAsking(false);
      // A conflict over the preview (its token, or the fix no longer offered) means a new one is due;
      // another (an open PassRole request for the pair) is said as it is.
      if (error.code === "conflict" && (error.fields?.token || error.fields?.id)) onStale();
      else setResult({ kind: "error", error });
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="rounded border border-slate-200 p-3" data-fix-id={fix.id}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="text-sm font-medium text-slate-900">{fix.title}</p>
          <p className="font-mono text-[11px] text-slate-500">{fix.kind}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {canFix && grant && result?.kind !== "applied" && (
            <label className="flex items-center gap-1.5 text-xs text-slate-700">
              {t("grantDuration")}
              <select className="rounded border border-slate-300 bg-white px-1.5 py-1 text-sm" value={grant.duration} disabled={busy} onChange={(e) => void choose(e.target.value as BoundedDuration)}>
                {BOUNDED_DURATIONS.map((d) => (
                  <option key={d} value={d}>
                    {td(d)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <Button size="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? t("hidePreview") : t("preview")}
          </Button>
          {canFix && result?.kind !== "applied" && (
            <Button size="sm" variant="primary" onClick={() => setAsking(true)} disabled={busy}>
              {t("apply")}
            </Button>
          )}
        </div>
      </div>
      {canFix && (
        <ConfirmDialog
          open={asking}
          title={t("confirmTitle", { title: fix.title })}
          confirmLabel={t("confirmApply")}
          cancelLabel={tc("cancel")}
          busy={busy}
          busyLabel={t("applying")}
          onConfirm={apply}
          onCancel={() => setAsking(false)}
        >
          <p className="mb-3 text-sm text-slate-700">{t("confirmIntro")}</p>
          <PlanPreview fix={fix} />
        </ConfirmDialog>
      )}
      {open && result?.kind !== "applied" && (
        <div className="mt-3">
          <PlanPreview fix={fix} />
        </div>
      )}
      {showResult && result?.kind === "applied" && (
        <div className="mt-3 space-y-1.5" role="status">
          <p className="text-sm text-emerald-800">{result.answer.ok ? t("applied", { id: String(result.answer.audit.id) }) : t("failed")}</p>
          <StepResults steps={result.answer.steps} />
          {result.answer.request && <FiledRequest request={result.answer.request} />}
        </div>
      )}
      {result?.kind === "error" && (
        <div className="mt-3">
          <ErrorState title={t("failed")} code={result.error.shownCode} message={result.error.message} requestId={result.error.requestId} requestIdLabel={tc("requestId")} />
        </div>
      )}
    </li>
  );
}
