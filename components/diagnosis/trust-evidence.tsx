import { useTranslations } from "next-intl";
import { JsonView, type JsonLine } from "@/components/ui/json-view";
import type { Evidence } from "@/lib/diagnosis/types";
import { missingLines } from "./missing-lines";

type TrustEvidence = Extract<Evidence, { kind: "trust" }>;

/** The role's trust policy as RAM holds it, with the principal it lacks marked where it would go. */
export function TrustEvidenceView({ e }: { e: TrustEvidence }) {
  const t = useTranslations("diagnosis.evidence");
  const tc = useTranslations("common");
  if (e.unreadable) return <p className="text-sm text-red-800">{t("trustUnreadable", { error: e.unreadable })}</p>;
  const lines = missingLines(e.lines);
  const marks = new Map<number, JsonLine>();
  lines.forEach((l, i) => {
    if (!l.missing) return;
    marks.set(i, {
      tint: "bg-amber-100 border-l-amber-500 border-dashed",
      data: { "data-missing": "true" },
      tag: <span className="ml-3 rounded bg-amber-200 px-1 font-sans text-[11px] text-amber-950">{t("missingTag")}</span>,
      note: t("missingTag"),
    });
  });
  return (
    <div className="space-y-1.5">
      <p className="text-sm text-slate-700">{e.deny ? t("trustDeny", { index: e.deny.statementIndex }) : t("trustMissing")}</p>
      <JsonView json={lines.map((l) => l.text).join("\n")} lines={marks} label={t("trustTitle", { role: e.roleName })} copyLabel={tc("copyNamed", { name: t("trustTitle", { role: e.roleName }) })} />
    </div>
  );
}
