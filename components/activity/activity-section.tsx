import { getTranslations } from "next-intl/server";
import { Panel } from "@/components/ui/panel";
import { ErrorState } from "@/components/ui/states";
import { ClientMessages } from "@/components/providers/client-messages";
import type { Actor, ConsoleUser } from "@/lib/actor";
import { can } from "@/lib/permissions";
import { CloudError } from "@/lib/cloud/types";
import { loadRoleActivity } from "@/lib/activity/load-role-activity";
import { offerRightSize } from "@/lib/activity/right-size";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { CoverageNote } from "./coverage-note";
import { ProposalView } from "./proposal-view";
import { RightSizeControl } from "./right-size-control";
import { UnusedList } from "./unused-list";
import { UsedTable } from "./used-table";

// The role page's Activity section: what the role's sessions did, what went unused, the
// right-sized policy with its proof, and for admins the right-sizing.
export async function ActivitySection({ me, name, days }: { me: ConsoleUser & Actor; name: string; days: number }) {
  const t = await getTranslations("activity");
  const tc = await getTranslations("common");
  const te = await getTranslations("errors");
  const loaded = await loadWithOffer(me, name, days).catch((err: unknown) => {
    if (err instanceof CloudError) return err;
    throw err;
  });
  let body;
  if (loaded instanceof CloudError) {
    body = <ErrorState title={t("error")} code={loaded.code} message={loaded.message} requestId={loaded.requestId} requestIdLabel={tc("requestId")} />;
  } else {
    const { report, offer, refused } = loaded;
    body = (
      <div className="space-y-5">
        <p className="text-xs text-slate-600">{t("intro", { days })}</p>
        <CoverageNote coverage={report.coverage} />
        <UsedTable services={report.services} days={days} />
        <UnusedList unused={report.unused} coverage={report.coverage} />
        <ProposalView report={report} />
        {refused ? (
          <p className="rounded border border-amber-200 bg-amber-50 p-2 text-sm text-amber-900" data-testid="right-size-refused">
            {t("rightSize.notOffered")} {(te as unknown as (k: string, v: Record<string, string | number>) => string)(refused.key, refused.values)}
          </p>
        ) : (
          offer && (
            <ClientMessages namespaces={["activity.rightSize"]}>
              <RightSizeControl role={report.role} days={days} offer={offer} usedBy={report.usedBy} canApply={can(me.role, "cloud:write")} />
            </ClientMessages>
          )
        )}
      </div>
    );
  }
  return (
    <Panel id="activity-panel" title={t("title")} actions={<DaysForm days={days} label={t("daysLabel")} submit={t("show")} />}>
      {body}
    </Panel>
  );
}

async function loadWithOffer(me: ConsoleUser & Actor, name: string, days: number) {
  const deps = getInventoryDeps();
  const report = await loadRoleActivity(deps, me, name, days);
  return { report, ...(await offerRightSize(deps, report)) };
}

function DaysForm({ days, label, submit }: { days: number; label: string; submit: string }) {
  return (
    <form method="get" action="#activity" className="flex items-center gap-1.5 text-xs">
      <label htmlFor="activity-days" className="text-slate-600">{label}</label>
      <input id="activity-days" name="days" type="number" min={1} max={365} defaultValue={days} className="w-16 rounded border border-slate-300 px-1.5 py-0.5" />
      <button type="submit" className="rounded border border-slate-300 bg-white px-2 py-0.5 text-slate-700 hover:bg-slate-50">{submit}</button>
    </form>
  );
}
