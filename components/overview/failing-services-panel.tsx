import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { serviceHref } from "@/components/inventory/links";
import { CauseBadge } from "@/components/diagnosis/cause-badge";
import { StatusBadge } from "@/components/services/status-badge";
import type { ConsoleUser } from "@/lib/actor";
import type { HealthCode } from "@/lib/inventory/types";
import { CloudError } from "@/lib/cloud/types";
import { loadServices } from "@/lib/inventory/load-services";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { summarizeFailing, type FailingGroup } from "@/lib/overview/summarize";
import { orCloudError, PanelError } from "./panel-error";
import { DataAge } from "./data-age";

const link = "text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600";

/** A cause's group in the fleet view, or the services list filtered to the status: both live in URLs. */
const groupHref = (g: FailingGroup) => (g.cause ? `/issues#cause-${g.cause}` : `/services?${new URLSearchParams({ status: g.status })}`);

// Failing services by status and diagnosed cause, each group linking to the fleet view's group of
// that cause (or, without a cause, to the services list filtered to the status).
export async function FailingServicesPanel({ user }: { user: ConsoleUser }) {
  const t = await getTranslations("overview.failing");
  const td = await getTranslations("diagnosis.health");
  const deps = getInventoryDeps();
  const loaded = await orCloudError(loadServices(deps, user, deps.cloud.eas.regions));
  // A cause other than NONE comes from the diagnosis of a failed deployment (lib/diagnosis).
  const summary = loaded instanceof CloudError ? undefined : summarizeFailing(loaded.rows, (r) => (r.cause && r.cause.code !== "NONE" ? r.cause.code : undefined));
  const withCause = summary?.groups.some((g) => g.cause) ?? false;
  return (
    <Panel
      id="failing-services"
      title={t("title")}
      actions={
        summary && summary.total > 0 ? (
          <Badge tone="danger">{t("ofServices", { failing: summary.total, total: summary.services })}</Badge>
        ) : undefined
      }
    >
      {loaded instanceof CloudError ? (
        <PanelError error={loaded} />
      ) : summary!.total === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <Table aria-label={t("tableLabel")}>
          <THead>
            <tr>
              <TH>{t("col.status")}</TH>
              {withCause && <TH>{t("col.cause")}</TH>}
              <TH className="text-right">{t("col.count")}</TH>
              <TH className="w-full">{t("col.examples")}</TH>
            </tr>
          </THead>
          <tbody>
            {summary!.groups.map((g) => (
              <TR key={`${g.status}/${g.cause ?? ""}`} data-testid={`failing-${g.status}${g.cause ? `-${g.cause}` : ""}`}>
                <TD><StatusBadge status={g.status} /></TD>
                {withCause && <TD>{g.cause ? <CauseBadge code={g.cause as HealthCode} /> : "—"}</TD>}
                {/* The count is the way in: to the cause's group in the fleet view, or the list filtered to the status. */}
                <TD className="text-right tabular-nums">
                  <Link href={groupHref(g)} className={`font-medium ${link}`} aria-label={g.cause ? t("showCauseLabel", { count: g.count, cause: td(`${g.cause as HealthCode}.label`) }) : t("showLabel", { count: g.count, status: g.status })}>
                    {g.count}
                  </Link>
                </TD>
                <TD className="text-xs">
                  {g.services.map((s, i) => (
                    <span key={`${s.region}/${s.name}`}>
                      {i > 0 && ", "}
                      <Link href={serviceHref(s.region, s.name)} className={`whitespace-nowrap ${link}`}>{s.name}</Link>
                    </span>
                  ))}
                  {g.count > g.services.length && <span className="text-slate-500"> {t("more", { count: g.count - g.services.length })}</span>}
                </TD>
              </TR>
            ))}
          </tbody>
        </Table>
      )}
      {summary && summary.roleProblems > 0 && (
        <p className="mt-3 text-xs text-slate-600">
          {t("roleProblems", { count: summary.roleProblems })}{" "}
          <Link href="/services?health=problem" className={link}>{t("roleProblemsLink")}</Link>
        </p>
      )}
      {!(loaded instanceof CloudError) && <DataAge fetchedAt={loaded.fetchedAt} ttlMs={getInventoryDeps().ttlMs} />}
    </Panel>
  );
}
