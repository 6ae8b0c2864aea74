import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { Tone } from "@/components/ui/tone";
import type { AuditEntry, AuditOutcome } from "@/lib/db/types";

// tone.ts: danger means failed or denied, so both refusals share it.
const OUTCOME_TONE: Record<AuditOutcome, Tone> = { success: "success", failure: "danger", denied: "danger" };

function detailText(detail: AuditEntry["detail"]): string {
  if (!detail) return "";
  return Object.entries(detail).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`).join(" · ");
}

export async function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const t = await getTranslations("audit");
  if (entries.length === 0) return <EmptyState title={t("empty")} />;
  return (
    <Table aria-label={t("title")}>
      <THead>
        <tr>
          <TH>{t("columns.time")}</TH>
          <TH>{t("columns.actor")}</TH>
          <TH>{t("columns.action")}</TH>
          <TH>{t("columns.target")}</TH>
          <TH>{t("columns.outcome")}</TH>
          <TH>{t("columns.requestId")}</TH>
          <TH>{t("columns.detail")}</TH>
        </tr>
      </THead>
      <tbody>
        {entries.map((e) => (
          <TR key={e.id}>
            <TD className="whitespace-nowrap font-mono text-xs text-slate-600">{e.at.slice(0, 19).replace("T", " ")}</TD>
            <TD className="font-mono text-xs">{e.actor}</TD>
            <TD className="font-mono text-xs">{e.action}</TD>
            <TD className="max-w-64 break-all text-xs">{e.target}</TD>
            <TD><Badge tone={OUTCOME_TONE[e.outcome]}>{t(`outcomes.${e.outcome}`)}</Badge></TD>
            <TD className="font-mono text-xs text-slate-600">{e.requestId ?? ""}</TD>
            <TD className="max-w-96 break-words text-xs text-slate-600">{detailText(e.detail)}</TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}
