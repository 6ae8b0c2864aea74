"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Panel } from "@/components/ui/panel";
import type { GrantDuration } from "@/lib/request-workflow";
import type { Review } from "@/lib/approvals/load-review";
import type { PassRoleRequestView } from "@/lib/approvals/types";
import type { PlanPreview } from "@/lib/writes/plan";
import { ApiCallError, sendJson } from "@/components/ui/fetch-json";
import { utcMinute } from "./format";
import { PlanSteps } from "./plan-steps";
import { PolicyDiff } from "./policy-diff";

const input = "block w-full rounded border border-slate-300 px-2 py-1 text-sm focus:outline-2 focus:outline-blue-600";

export interface ReviewDecisionProps {
  request: PassRoleRequestView;
  accountId: string;
  durations: GrantDuration[];
  canDecide: boolean;
  selfApproval: Review["selfApproval"];
  deciders: string[];
  /** From canWriteCloud: false while the console runs read-only, so approve and revoke are not offered. */
  canWrite: boolean;
  existingDocument: string | null;
  /** Computed on the server: the policy engine stays out of the browser's bundle. */
  documents: Review["documents"];
  grantPlan: PlanPreview;
  removalPlan: PlanPreview;
}

// The decision and exactly what it will do in RAM, side by side: the chosen duration changes
// the document's expiry in the preview as it will in the policy.
export function ReviewDecision(props: ReviewDecisionProps) {
  const { request: r } = props;
  const t = useTranslations("approvals.review");
  const td = useTranslations("approvals.durations");
  const ts = useTranslations("approvals.states");
  const tc = useTranslations("common");
  const router = useRouter();
  const queries = useQueryClient();
  const [duration, setDuration] = useState<GrantDuration>(r.duration);
  const [reason, setReason] = useState("");
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const [confirmApprove, setConfirmApprove] = useState(false);
  const [revokeReason, setRevokeReason] = useState("");
  const [busy, setBusy] = useState<string>();
  const [failure, setFailure] = useState<string>();

  const pending = r.state === "pending";
  const shown = props.documents.find((d) => d.duration === duration) ?? props.documents[0];
  const expiry = pending ? shown.expiresAt : null;

  async function act(verb: "approve" | "reject" | "revoke", body: unknown) {
    setBusy(verb);
    try {
      await sendJson<PassRoleRequestView>(`/api/passrole-requests/${r.id}/${verb}`, "POST", body);
      setFailure(undefined);
    } catch (err) {
      const e = err instanceof ApiCallError ? err : undefined;
      setFailure(t("actionFailed", { code: e?.code ?? "error", message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(undefined);
      setConfirmRevoke(false);
      setConfirmApprove(false);
    }
    // The page and every request list (the navigation's pending count too) read again.
    await queries.invalidateQueries({ queryKey: ["passrole-requests"] });
    router.refresh();
  }

  const plan = r.state === "granted" ? props.removalPlan : props.grantPlan;
  // A decided request does nothing more in RAM: only a pending or granted one has a plan to show.
  const live = pending || r.state === "granted";
  return (
    <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
      <Panel id="decision" title={t("decisionTitle")}>
        <div className="space-y-3">
          {failure && <p role="alert" className="rounded bg-red-50 px-2 py-1 text-sm text-red-800">{failure}</p>}
          {pending && !props.canDecide && (
            <div className="space-y-1 text-sm text-amber-900">
              <p>{props.selfApproval === "own_ram_user" ? t("ownRamUser", { user: r.ramUser }) : t("ownRequest")}</p>
              <p>{props.deciders.length > 0 ? t("deciders", { names: props.deciders.join(", ") }) : t("noDeciders")}</p>
            </div>
          )}
          {pending && props.canDecide && (
            <>
              <div className="space-y-1">
                <label htmlFor="grant-duration" className="block text-xs font-medium text-slate-700">{t("durationLabel")}</label>
                <select id="grant-duration" value={duration} onChange={(e) => setDuration(e.target.value as GrantDuration)} className={input}>
                  {props.durations.map((d) => <option key={d} value={d}>{td(d)}</option>)}
                </select>
                <p className="text-xs text-slate-500">{t("durationShorter")}</p>
              </div>
              {props.canWrite ? (
                <Button variant="primary" disabled={busy !== undefined} onClick={() => setConfirmApprove(true)} data-cloud-write>
                  {t("approve")}
                </Button>
              ) : (
                <p className="text-sm text-amber-900">{t("readOnly")}</p>
              )}
              <div className="space-y-1 border-t border-slate-200 pt-3">
                <label htmlFor="reject-reason" className="block text-xs font-medium text-slate-700">{t("rejectReasonLabel")}</label>
                <textarea id="reject-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} className={input} />
                <Button variant="secondary" disabled={busy !== undefined} onClick={() => void act("reject", { reason })}>{t("reject")}</Button>
              </div>
            </>
          )}
          {r.state === "granted" && !props.canWrite && <p className="text-sm text-amber-900">{t("readOnly")}</p>}
          {r.state === "granted" &&
            props.canWrite &&
            (confirmRevoke ? (
              <div className="space-y-2" role="group" aria-label={t("revoke")}>
                <p className="text-sm text-slate-800">{t("revokeConfirm", { policy: r.grant.policyName, user: r.ramUser })}</p>
                <div className="space-y-1">
                  <label htmlFor="revoke-reason" className="block text-xs font-medium text-slate-700">{t("revokeReasonLabel")}</label>
                  <textarea id="revoke-reason" rows={2} maxLength={500} value={revokeReason} onChange={(e) => setRevokeReason(e.target.value)} className={input} />
                </div>
                <div className="flex gap-2">
                  <Button variant="danger" disabled={busy !== undefined} onClick={() => void act("revoke", revokeReason.trim() ? { reason: revokeReason.trim() } : {})}>{t("revokeYes")}</Button>
                  <Button onClick={() => setConfirmRevoke(false)}>{t("keep")}</Button>
                </div>
              </div>
            ) : (
              <Button variant="danger" onClick={() => setConfirmRevoke(true)} data-cloud-write>{t("revoke")}</Button>
            ))}
          {!pending && r.state !== "granted" && <p className="text-sm text-slate-700">{t("decided", { state: ts(r.state) })}</p>}
        </div>
      </Panel>
      <ConfirmDialog
        open={confirmApprove}
        title={t("approveConfirmTitle", { user: r.ramUser, role: r.roleName })}
        confirmLabel={t("approve")}
        cancelLabel={tc("cancel")}
        busy={busy === "approve"}
        busyLabel={t("approving")}
        onConfirm={() => void act("approve", { duration })}
        onCancel={() => setConfirmApprove(false)}
      >
        <div className="space-y-3">
          <p className="text-sm text-slate-800">{expiry ? t("expiryNote", { duration: td(duration), time: utcMinute(expiry) }) : t("permanentNote")}</p>
          <PlanSteps plan={props.grantPlan} />
          <PolicyDiff lines={shown.lines} label={t("documentTitle", { policy: r.grant.policyName })} />
        </div>
      </ConfirmDialog>
      {(live || r.grant.document) && (
      <Panel id="plan" title={r.state === "granted" ? t("planRevokeTitle") : live ? t("planTitle") : t("grantedDocumentTitle")}>
        <div className="space-y-3">
          {pending && <p className="text-xs text-slate-600">{t("planIntro")}</p>}
          {live && <PlanSteps plan={plan} />}
          <div>
            <h3 className="mb-1 text-xs font-medium text-slate-600">{t("documentTitle", { policy: r.grant.policyName })}</h3>
            {pending && <p className="mb-1.5 text-xs text-slate-500">{props.existingDocument ? t("documentChanged") : t("documentNew")}</p>}
            <PolicyDiff lines={shown.lines} label={t("documentTitle", { policy: r.grant.policyName })} />
            {pending && (
              <p className="mt-1.5 text-xs text-slate-600" data-testid="expiry-note">
                {expiry ? t("expiryNote", { duration: td(duration), time: utcMinute(expiry) }) : t("permanentNote")}
              </p>
            )}
          </div>
        </div>
      </Panel>
      )}
    </div>
  );
}
