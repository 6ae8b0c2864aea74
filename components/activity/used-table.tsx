import { getTranslations } from "next-intl/server";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { ServiceUse } from "@/lib/activity/types";

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—");

/** Per service and action: last used, how often, the resources touched. */
export async function UsedTable({ services, days }: { services: ServiceUse[]; days: number }) {
  const t = await getTranslations("activity.used");
  if (services.length === 0) return <p className="text-sm text-slate-600">{t("none", { days })}</p>;
  return (
    <div>
      <h3 className="mb-1 text-xs font-medium text-slate-600">{t("title")}</h3>
      <Table data-testid="activity-used">
        <THead>
          <tr>
            <TH>{t("service")}</TH>
            <TH>{t("action")}</TH>
            <TH>{t("lastUsed")}</TH>
            <TH className="text-right">{t("count")}</TH>
            <TH>{t("resources")}</TH>
          </tr>
        </THead>
        <tbody>
          {services.flatMap((s) =>
            s.actions.map((a, i) => (
              <TR key={a.action}>
                <TD className="font-mono text-xs">{i === 0 ? s.service : ""}</TD>
                <TD className="font-mono text-xs">{a.action}</TD>
                <TD className="whitespace-nowrap text-xs">{when(a.lastUsed)}</TD>
                <TD className="text-right tabular-nums">{a.count.toLocaleString("en-US")}</TD>
                <TD>
                  <ul className="space-y-0.5 font-mono text-xs break-all">
                    {a.resources.slice(0, 5).map((r) => <li key={r}>{r}</li>)}
                    {(a.resources.length > 5 || a.moreResources) && <li className="text-slate-500">{t("more")}</li>}
                  </ul>
                </TD>
              </TR>
            )),
          )}
        </tbody>
      </Table>
    </div>
  );
}
