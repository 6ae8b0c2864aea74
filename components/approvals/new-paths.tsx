import { getTranslations } from "next-intl/server";
import { PathsGraph } from "@/components/access/paths-graph";
import { PathsTable } from "@/components/access/paths-table";
import { Panel } from "@/components/ui/panel";
import { ErrorState } from "@/components/ui/states";
import type { Review } from "@/lib/approvals/load-review";

/** What approving adds: the access paths the grant creates for the RAM user, drawn and listed. */
export async function NewPaths({ newPaths, user, role }: { newPaths: NonNullable<Review["newPaths"]>; user: string; role: string }) {
  const t = await getTranslations("access.review");
  const tc = await getTranslations("common");
  return (
    <Panel id="new-paths" title={t("title")}>
      <p className="mb-3 text-xs text-slate-600">{t("intro", { user, role })}</p>
      {newPaths.error ? (
        <ErrorState title={t("error")} code={newPaths.error.code} message={newPaths.error.message} requestId={newPaths.error.requestId} requestIdLabel={tc("requestId")} />
      ) : newPaths.paths.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="new-paths-empty">{t("none", { user })}</p>
      ) : (
        <div className="space-y-3">
          <p className="text-sm font-medium text-slate-900">{t("count", { count: newPaths.paths.length, user })}</p>
          <PathsGraph paths={newPaths.paths} />
          <PathsTable paths={newPaths.paths} label={t("title")} testId="new-paths" />
        </div>
      )}
    </Panel>
  );
}
