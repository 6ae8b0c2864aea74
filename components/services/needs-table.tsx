import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { NeedCheck } from "@/lib/readiness/use";
import { roleHref } from "@/components/inventory/links";

/** Each need of the service config against the role: allowed or denied, and the statement that decides. */
export function NeedsTable({ needs, roleName }: { needs: NeedCheck[]; roleName?: string }) {
  const t = useTranslations("service-detail");
  if (needs.length === 0) return <p className="text-sm text-slate-600">{t("noNeeds")}</p>;
  return (
    <Table aria-label={t("needs")}>
      <THead>
        <tr>
          <TH>{t("needCol")}</TH>
          <TH>{t("actionCol")}</TH>
          <TH>{t("resourceCol")}</TH>
          <TH>{t("decisionCol")}</TH>
          <TH>{t("decidingCol")}</TH>
        </tr>
      </THead>
      <tbody>
        {needs.map((n, i) => (
          <TR key={i}>
            <TD>
              <span className="block">{t(`needKind.${n.kind}`)}</span>
              <span className="block break-all font-mono text-[11px] text-slate-500" title={n.path}>{n.target || n.path}</span>
            </TD>
            <TD className="font-mono text-xs">{n.action || <span className="font-sans text-slate-600">{t("workspaceRule")}</span>}</TD>
            <TD className="max-w-xs break-all font-mono text-xs">{n.resource}</TD>
            <TD>
              <Badge tone={n.allowed ? "success" : "danger"} dot>
                {n.allowed ? t("allowed") : t("denied")}
              </Badge>
            </TD>
            <TD className="text-xs">
              {n.kind === "workspace-id" ? (
                <code className="font-mono">{n.path}</code>
              ) : n.deciding && roleName ? (
                <Link href={`${roleHref(roleName)}#policy-${encodeURIComponent(n.deciding.policy)}`} className="text-blue-700 hover:underline">
                  {t("statementRef", { policy: n.deciding.policy, index: n.deciding.statementIndex })}
                </Link>
              ) : (
                <span className="text-slate-600">{t("implicitDeny")}</span>
              )}
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}
