import { getTranslations } from "next-intl/server";
import { PathsGraph } from "@/components/access/paths-graph";
import { PathsTable } from "@/components/access/paths-table";
import { Panel } from "@/components/ui/panel";
import { ErrorState } from "@/components/ui/states";
import { loadRoleAccess } from "@/lib/access/load-role-access";
import type { AccessPath } from "@/lib/access/types";
import type { Actor } from "@/lib/actor";
import { CloudError } from "@/lib/cloud/types";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

/** "Who can act as this role": read after the rest of the page, as it reads every user and role. */
export async function AccessSection({ actor, roleName }: { actor: Actor; roleName: string }) {
  const t = await getTranslations("access.paths");
  const tc = await getTranslations("common");
  let paths: AccessPath[];
  try {
    paths = (await loadRoleAccess(getInventoryDeps(), actor, roleName)).paths;
  } catch (err) {
    if (!(err instanceof CloudError)) throw err;
    return (
      <AccessPanel title={t("title")}>
        <ErrorState title={t("error")} code={err.code} message={err.message} requestId={err.requestId} requestIdLabel={tc("requestId")} />
      </AccessPanel>
    );
  }
  return (
    <AccessPanel title={t("title")}>
      <p className="mb-3 text-xs text-slate-600">{t("intro")}</p>
      {paths.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="access-empty">{t("empty")}</p>
      ) : (
        <div className="space-y-3">
          <PathsGraph paths={paths} />
          <PathsTable paths={paths} label={t("title")} />
        </div>
      )}
    </AccessPanel>
  );
}

export function AccessPanel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div id="access" className="scroll-mt-12">
      <Panel id="access-panel" title={title}>
        {children}
      </Panel>
    </div>
  );
}
