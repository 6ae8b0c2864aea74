import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { ErrorState } from "@/components/ui/states";
import type { UserHoldings as Holdings } from "@/lib/approvals/load-review";
import type { PassRoleRequestView } from "@/lib/approvals/types";

// What the RAM user holds now, and the one policy an approval adds: the grant, as a change to the user.
export async function UserHoldings({ holdings, request: r }: { holdings: Holdings; request: PassRoleRequestView }) {
  const t = await getTranslations("approvals.review");
  const tc = await getTranslations("common");
  const adds = r.state === "pending" && !holdings.attached.some((a) => a.policyName === r.grant.policyName);
  return (
    <Panel id="holdings" title={t("holdingsTitle", { user: r.ramUser })}>
      <p className="mb-2 text-xs text-slate-600">{t("holdingsIntro")}</p>
      {holdings.error ? (
        <ErrorState title={t("holdingsError")} code={holdings.error.code} message={holdings.error.message} requestId={holdings.error.requestId} requestIdLabel={tc("requestId")} />
      ) : (
        <div className="space-y-2">
          <ul className="space-y-0.5 font-mono text-xs" data-testid="user-policies">
            {holdings.attached.length === 0 && !adds && <li className="font-sans text-slate-600">{t("noPolicies")}</li>}
            {holdings.attached.map((a) => (
              <li key={`${a.policyType}:${a.policyName}`} className="text-slate-800">
                <span aria-hidden className="inline-block w-4 text-slate-400"> </span>
                {a.policyName} <span className="font-sans text-slate-500">({a.policyType})</span>
              </li>
            ))}
            {adds && (
              <li className="bg-emerald-50 text-emerald-900" data-added>
                <span aria-hidden className="inline-block w-4">+</span>
                {r.grant.policyName} <span className="font-sans">({t("added")})</span>
              </li>
            )}
          </ul>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("canPassNow", { role: r.roleName })}</dt>
            <dd data-testid="can-pass-now">
              <Badge tone={holdings.canPassNow ? "success" : "neutral"}>{holdings.canPassNow ? t("yes") : t("no")}</Badge>
              {holdings.viaGroup && <span className="ml-2 text-xs text-slate-600">{t("viaGroup", { group: holdings.viaGroup })}</span>}
            </dd>
            {r.state === "pending" && (
              <>
                <dt className="text-slate-500">{t("canPassAfter")}</dt>
                <dd><Badge tone="success">{t("yes")}</Badge></dd>
              </>
            )}
          </dl>
        </div>
      )}
    </Panel>
  );
}
