import { getTranslations } from "next-intl/server";
import { JsonView } from "@/components/ui/json-view";
import type { RoleActivityReport } from "@/lib/activity/load-role-activity";
import { serializePolicy } from "@/lib/policy";

/** The right-sized policy: its statements with why each is kept, the proof, the document. */
export async function ProposalView({ report }: { report: RoleActivityReport }) {
  const t = await getTranslations("activity.proposal");
  const tc = await getTranslations("common");
  const p = report.proposal;
  const proof = p.noNewAccess;
  return (
    <div data-testid="activity-proposal" className="space-y-2">
      <h3 className="text-xs font-medium text-slate-600">{t("title")}</h3>
      <p className="text-xs text-slate-600">{t("intro")}</p>
      <p className={`text-sm ${proof.holds === true ? "text-emerald-800" : "text-amber-800"}`} data-testid="no-new-access">
        {proof.holds === true
          ? t("holds")
          : proof.holds === false
            ? t("counterexample", proof.counterexample)
            : t("undecidable", { action: proof.undecidable.action, resource: proof.undecidable.resource, keys: proof.undecidable.conditionKeys.join(", ") })}
      </p>
      <ul className="space-y-1 text-sm">
        {p.statements.map((s) => (
          <li key={s.sid} className="rounded border border-slate-200 px-2 py-1">
            <span className="mr-2 font-mono text-xs text-slate-500">{s.sid}</span>
            <span className="text-xs text-slate-700">{t("why", { kind: s.why.kind })}</span>
            <p className="font-mono text-xs break-all text-slate-900">{s.actions.join(", ")}</p>
            <p className="font-mono text-xs break-all text-slate-600">{s.resources.join(", ")}</p>
          </li>
        ))}
      </ul>
      <JsonView json={serializePolicy(p.document, { pretty: true })} label={t("document")} copyLabel={tc("copyNamed", { name: t("document") })} />
    </div>
  );
}
