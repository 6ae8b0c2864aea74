import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { Evidence } from "@/lib/diagnosis/types";

type NeedEvidence = Extract<Evidence, { kind: "need" }>;

/** Each denied need with the action RAM refuses and the statement that decides, or its absence. */
export function NeedEvidenceTable({ items }: { items: NeedEvidence[] }) {
  const t = useTranslations("diagnosis.evidence");
  const tn = useTranslations("service-detail");
  return (
    <div className="space-y-1.5">
      <p className="text-sm text-slate-700">{t("needIntro")}</p>
      <Table aria-label={t("needCol")}>
        <THead>
          <tr>
            <TH>{t("needCol")}</TH>
            <TH>{t("actionCol")}</TH>
            <TH>{t("resourceCol")}</TH>
            <TH>{t("decidingCol")}</TH>
          </tr>
        </THead>
        <tbody>
          {items.map((e, i) => (
            <TR key={i} data-need-path={e.need.path}>
              <TD>
                <span className="block">{tn(`needKind.${e.need.kind}`)}</span>
                <span className="block break-all font-mono text-[11px] text-slate-500" title={e.need.path}>{e.need.target}</span>
              </TD>
              <TD className="font-mono text-xs">{e.action}</TD>
              <TD className="max-w-xs break-all font-mono text-xs">{e.resource}</TD>
              <TD className="text-xs">
                <Badge tone="danger" dot>{e.decision}</Badge>{" "}
                {e.deciding ? t("statementRef", { policy: e.deciding.policy, index: e.deciding.statementIndex }) : <span className="text-slate-600">{t("implicitDeny")}</span>}
              </TD>
            </TR>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
