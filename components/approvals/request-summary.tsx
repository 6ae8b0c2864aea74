import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DescriptionList } from "@/components/ui/description-list";
import { Panel } from "@/components/ui/panel";
import type { PassRoleRequestView } from "@/lib/approvals/types";
import { utcMinute } from "./format";
import { StateBadge } from "./state-badge";

const ids = (list: string[]) => (list.length ? <span className="flex flex-col font-mono text-xs">{list.map((id) => <span key={id}>{id}</span>)}</span> : null);

export async function RequestSummary({ request: r }: { request: PassRoleRequestView }) {
  const t = await getTranslations("approvals");
  const items = [
    { term: t("review.state"), detail: <StateBadge state={r.state} /> },
    { term: t("review.ramUser"), detail: <code className="font-mono text-xs">{r.ramUser}</code> },
    { term: t("review.requestedFor"), detail: r.requestedFor ?? <span className="text-slate-500">{t("review.requestedForNone")}</span> },
    { term: t("review.requester"), detail: r.requester === r.requestedFor ? r.requester : t("review.requesterOnBehalf", { requester: r.requester }) },
    { term: t("review.role"), detail: <Link href={`/roles/${encodeURIComponent(r.roleName)}`} className="font-mono text-xs text-blue-700 hover:underline">{r.roleArn}</Link> },
    { term: t("review.reason"), detail: r.reason },
    { term: t("review.asked"), detail: `${utcMinute(r.createdAt)} UTC` },
    { term: t("review.durationAsked"), detail: t(`durations.${r.duration}`) },
    ...(r.grantedDuration ? [{ term: t("review.durationGranted"), detail: t(`durations.${r.grantedDuration}`) }] : []),
    ...(r.approver ? [{ term: t("review.approver"), detail: `${r.approver} · ${utcMinute(r.decidedAt)} UTC` }] : []),
    // Once revoked, the grant ended then: its planned expiry no longer means anything.
    ...(r.grantedDuration && !r.revoked ? [{ term: t("review.expires"), detail: r.expiresAt ? `${utcMinute(r.expiresAt)} UTC` : t("never") }] : []),
    ...(r.revoked
      ? [
          { term: t("review.revokedBy"), detail: `${r.revoked.by} · ${utcMinute(r.revoked.at)} UTC` },
          { term: t("review.revokeReason"), detail: r.revoked.reason ?? <span className="text-slate-500">{t("review.revokeNoReason")}</span> },
        ]
      : []),
    ...(r.rejectReason ? [{ term: t("review.rejectReason"), detail: r.rejectReason }] : []),
    ...(r.grant.requestIds.length ? [{ term: t("review.grantRequestIds"), detail: ids(r.grant.requestIds) }] : []),
    ...(r.removal.requestIds.length ? [{ term: t("review.removalRequestIds"), detail: ids(r.removal.requestIds) }] : []),
    ...(r.failure ? [{ term: t("review.failure"), detail: <span className="text-red-800"><code className="font-mono text-xs">{r.failure.code}</code> {r.failure.message}{r.failure.requestId ? ` (${r.failure.requestId})` : ""}</span> }] : []),
  ];
  return (
    <Panel id="request" title={t("review.requestTitle")}>
      <DescriptionList items={items} />
      {(r.removal.state === "pending" || r.removal.state === "failed") && <p role="alert" className="mt-2 text-sm text-amber-900">{t("review.removalPending")}</p>}
    </Panel>
  );
}
