import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { Panel } from "@/components/ui/panel";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { serviceHref } from "@/components/inventory/links";
import type { FleetCause, FleetCode } from "@/lib/diagnosis/fleet";
import { healthTone } from "./cause-badge";
import { GroupFix } from "./group-fix";

// Causes whose fix acts in RAM or the config; the others get pointers, per service.
const FIXABLE: ReadonlySet<FleetCode> = new Set(["ROLE_NOT_FOUND", "TRUST_MISSING_EAS", "PASSROLE_DENIED", "DEFAULT_ROLE_MISSING", "WORKSPACE_ID_MISSING", "MOUNT_DENIED", "IMAGE_PULL_DENIED"]);

/** Every failing service by cause, then by what one fix acts on. */
export function FleetView({ causes, canFix, readOnly }: { causes: FleetCause[]; canFix: boolean; readOnly: boolean }) {
  const t = useTranslations("diagnosis");
  if (causes.length === 0) return <EmptyState title={t("fleet.empty")} />;
  return (
    <div className="grid gap-4">
      <nav aria-label={t("fleet.jump")} className="flex flex-wrap gap-2">
        {causes.map((c) => (
          <a key={c.code} href={`#cause-${c.code}`} className="inline-flex items-center gap-1.5 rounded border border-slate-200 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-50">
            <span>{t(`health.${c.code}.label`)}</span>
            <span className="rounded bg-slate-100 px-1 font-medium tabular-nums text-slate-800">{c.count}</span>
          </a>
        ))}
      </nav>
      {causes.map((c) => (
        <Panel
          key={c.code}
          id={`cause-${c.code}`}
          actions={<span className="hidden text-xs text-slate-600 md:inline">{t(`fleet.about.${c.code}`)}</span>}
          title={
            <span className="flex items-center gap-2">
              <Badge tone={healthTone(c.code)} dot>{t(`health.${c.code}.label`)}</Badge>
              <code className="font-mono text-xs font-normal text-slate-600">{c.code === "REDEPLOY_PENDING" ? "UNKNOWN" : c.code}</code>
              <span className="text-xs font-normal text-slate-600">{t("fleet.causeCount", { count: c.count })}</span>
            </span>
          }
        >
          <Table aria-label={t(`health.${c.code}.label`)} data-cause={c.code} className="table-fixed">
            <colgroup>
              <col className="w-1/5" />
              <col className="w-1/4" />
              <col />
            </colgroup>
            <THead>
              <tr>
                <TH>{t("fleet.subject")}</TH>
                <TH>{t("fleet.services")}</TH>
                <TH>{t("fleet.action")}</TH>
              </tr>
            </THead>
            <tbody>
              {c.groups.map((g) => (
                <TR key={g.subject ?? `${g.services[0].region}/${g.services[0].name}`} data-subject={g.subject ?? ""}>
                  <TD className="break-words font-mono text-xs">{g.subject ?? <span className="font-sans text-slate-500">{t("fleet.perService")}</span>}</TD>
                  <TD>
                    <ul className="space-y-0.5">
                      {g.services.map((s) => (
                        <li key={`${s.region}/${s.name}`} className="text-sm">
                          <Link href={`${serviceHref(s.region, s.name)}#diagnosis`} className="font-medium text-blue-700 hover:underline">{s.name}</Link>{" "}
                          <span className="text-xs text-slate-500">{s.region} · {s.status}</span>
                        </li>
                      ))}
                    </ul>
                  </TD>
                  <TD>
                    {FIXABLE.has(c.code) || c.code === "REDEPLOY_PENDING" ? (
                      <GroupFix services={g.services} canFix={canFix} readOnly={readOnly} fixable={FIXABLE.has(c.code)} />
                    ) : (
                      <Link href={`${serviceHref(g.services[0].region, g.services[0].name)}#diagnosis`} className="text-xs text-blue-700 hover:underline">{t("fleet.openDiagnosis")}</Link>
                    )}
                  </TD>
                </TR>
              ))}
            </tbody>
          </Table>
        </Panel>
      ))}
    </div>
  );
}
