import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { DescriptionList } from "@/components/ui/description-list";
import { Panel } from "@/components/ui/panel";
import type { RoleDetail } from "@/lib/inventory/role-detail";
import { CopyButton } from "@/components/ui/copy-button";
import { easAssumeTone } from "@/components/roles/eas-assume-tone";

const day = (iso?: string) => (iso ? iso.replace("T", " ").replace(/(:\d\d)(\.\d+)?Z$/, "$1 UTC") : "—");

export async function RoleSummary({ detail }: { detail: RoleDetail }) {
  const t = await getTranslations("role-detail");
  const { role, trust } = detail;
  const findings = trust.lint.length + detail.policies.reduce((n, p) => n + p.lint.length, 0);
  return (
    <div id="summary" className="scroll-mt-12">
      <Panel id="summary-panel" title={t("summary")}>
        <div className="grid gap-x-8 gap-y-2 lg:grid-cols-2">
          <DescriptionList
            items={[
              {
                term: t("arn"),
                detail: (
                  <span className="flex flex-wrap items-center gap-2">
                    <code className="break-all font-mono text-xs" data-testid="role-arn">{role.arn}</code>
                    <CopyButton value={role.arn} label={t("copyArn")} />
                  </span>
                ),
              },
              { term: t("description"), detail: role.description ? <span data-verbatim>{role.description}</span> : <span className="text-slate-500">{t("noDescription")}</span> },
              { term: t("roleId"), detail: <code className="font-mono text-xs">{role.roleId}</code> },
            ]}
          />
          <DescriptionList
            items={[
              {
                term: t("easAssume"),
                detail: (
                  <span className="flex flex-wrap items-center gap-2">
                    <Badge tone={easAssumeTone(trust.easCanAssume)} dot>
                      <span data-testid="eas-assume">{trust.easCanAssume ? t("easYes") : t("easNo")}</span>
                    </Badge>
                    {!trust.easCanAssume && <span className="text-xs text-slate-600">{t("easNoHint")}</span>}
                  </span>
                ),
              },
              { term: t("created"), detail: day(role.createDate) },
              {
                term: t("maxSession"),
                detail: t("maxSessionValue", { hours: Math.round((role.maxSessionDuration / 3600) * 10) / 10, seconds: role.maxSessionDuration }),
              },
              {
                term: t("counts"),
                detail: t("countsValue", {
                  principals: trust.principals.length,
                  policies: detail.policies.length,
                  services: detail.usage.services.length,
                  findings,
                }),
              },
            ]}
          />
        </div>
      </Panel>
    </div>
  );
}
