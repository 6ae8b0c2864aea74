import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { roleHref, serviceHref } from "@/components/inventory/links";
import type { ConsoleUser } from "@/lib/actor";
import { CloudError } from "@/lib/cloud/types";
import { loadRoles } from "@/lib/inventory/load-roles";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { rolesEasCannotAssume } from "@/lib/overview/summarize";
import { orCloudError, PanelError } from "./panel-error";
import { DataAge } from "./data-age";

const link = "text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600";

// Roles whose trust policy keeps EAS out: those services use come first, since each of their
// services fails to deploy. The footer links to the roles list filtered the same way.
export async function UnassumableRolesPanel({ user }: { user: ConsoleUser }) {
  const t = await getTranslations("overview.roles");
  const deps = getInventoryDeps();
  const loaded = await orCloudError(loadRoles(deps, user, deps.cloud.eas.regions));
  const roles = loaded instanceof CloudError ? undefined : rolesEasCannotAssume(loaded.rows);
  return (
    <Panel id="unassumable-roles" title={t("title")} actions={roles && roles.used.length > 0 ? <Badge tone="danger">{roles.used.length}</Badge> : undefined}>
      {loaded instanceof CloudError ? (
        <PanelError error={loaded} />
      ) : roles!.total === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <div className="space-y-2">
          {roles!.used.length > 0 ? (
            <>
              <p className="text-xs text-slate-600">{t("intro")}</p>
              <Table aria-label={t("tableLabel")}>
                <THead>
                  <tr>
                    <TH>{t("col.role")}</TH>
                    <TH className="w-full">{t("col.usedBy")}</TH>
                  </tr>
                </THead>
                <tbody>
                  {roles!.used.map((r) => (
                    <TR key={r.name} data-testid={`unassumable-${r.name}`}>
                      <TD className="whitespace-nowrap">
                        <Link href={roleHref(r.name)} className={`font-mono text-xs font-medium ${link}`}>{r.name}</Link>
                        {r.trustError && <span className="ml-2"><Badge tone="danger">{t("trustError")}</Badge></span>}
                      </TD>
                      <TD className="text-xs">
                        {r.usedBy.map((s, i) => (
                          <span key={`${s.region}/${s.name}`}>
                            {i > 0 && ", "}
                            <Link href={serviceHref(s.region, s.name)} className={`whitespace-nowrap ${link}`}>{s.name}</Link>
                          </span>
                        ))}
                      </TD>
                    </TR>
                  ))}
                </tbody>
              </Table>
              {roles!.unused > 0 && <p className="text-xs text-slate-600">{t("unused", { count: roles!.unused })}</p>}
            </>
          ) : (
            <p className="text-sm text-slate-600">{t("onlyUnused", { count: roles!.unused })}</p>
          )}
          <p className="text-xs">
            <Link href="/roles?eas=no" className={link}>{t("all", { count: roles!.total })}</Link>
          </p>
        </div>
      )}
      {!(loaded instanceof CloudError) && <DataAge fetchedAt={loaded.fetchedAt} ttlMs={getInventoryDeps().ttlMs} />}
    </Panel>
  );
}
