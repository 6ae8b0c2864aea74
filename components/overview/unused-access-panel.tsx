import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { roleHref } from "@/components/inventory/links";
import type { ConsoleUser } from "@/lib/actor";
import { CloudError } from "@/lib/cloud/types";
import { DEFAULT_ACTIVITY_DAYS } from "@/lib/activity/days";
import { loadUnusedAccess } from "@/lib/activity/load-unused-access";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { orCloudError, PanelError } from "./panel-error";

const link = "text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600";
const SHOWN = 10;

// Roles nothing uses and permissions unused for 90 days, per role, worst first, from one cached
// read of ActionTrail for the whole account.
export async function UnusedAccessPanel({ user }: { user: ConsoleUser }) {
  const t = await getTranslations("overview.unusedAccess");
  const days = DEFAULT_ACTIVITY_DAYS;
  const loaded = await orCloudError(loadUnusedAccess(getInventoryDeps(), user, days));
  if (loaded instanceof CloudError) return <Panel id="unused-access" title={t("title", { days })}><PanelError error={loaded} /></Panel>;
  if (!loaded) return <Panel id="unused-access" title={t("title", { days })}><p className="text-sm text-slate-600" data-testid="unused-access-reading">{t("reading")}</p></Panel>;
  const { coverage, rows } = loaded;
  const partial = coverage.daysSeen < coverage.days || coverage.gaps.length > 0;
  return (
    <Panel id="unused-access" title={t("title", { days })} actions={rows.length > 0 ? <Badge tone="warning">{rows.length}</Badge> : undefined}>
      <div className="space-y-2">
        <p className="text-xs text-slate-600">{t("coverage", { seen: coverage.daysSeen, days: coverage.days })}</p>
        {partial && <p className="text-xs text-amber-800">{t("partial")}</p>}
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <Table aria-label={t("tableLabel")}>
            <THead>
              <tr>
                <TH>{t("col.role")}</TH>
                <TH className="w-full">{t("col.unused")}</TH>
                <TH>{t("col.lastUsed")}</TH>
              </tr>
            </THead>
            <tbody>
              {rows.slice(0, SHOWN).map((r) => (
                <TR key={r.role} data-testid={`unused-${r.role}`}>
                  <TD className="whitespace-nowrap">
                    <Link href={`${roleHref(r.role)}#activity`} className={`font-mono text-xs font-medium ${link}`}>{r.role}</Link>
                  </TD>
                  <TD className="text-xs">
                    {r.roleUnused ? t("roleUnused") : t("permissions", { count: r.findings.length })}
                    <span className="ml-1 font-mono text-slate-500">{r.findings.filter((f) => f.kind !== "role").slice(0, 3).map((f) => (f.kind === "service" ? `${f.name}:*` : f.name)).join(", ")}</span>
                  </TD>
                  <TD className="whitespace-nowrap text-xs">{r.lastUsed ? r.lastUsed.slice(0, 10) : t("never")}</TD>
                </TR>
              ))}
            </tbody>
          </Table>
        )}
        {rows.length > SHOWN && <p className="text-xs text-slate-600">{t("more", { count: rows.length - SHOWN })}</p>}
      </div>
    </Panel>
  );
}
