"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { DeployPreview } from "@/lib/setup/preview-deploy";
import { methodOf } from "@/lib/wizard/steps";
import { buildServiceConfig } from "@/lib/wizard/service-config";
import type { SetupState } from "@/lib/wizard/state";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { TableSkeleton } from "@/components/ui/states";
import { FindingsList } from "@/components/preflight/findings-list";
import { ApiErrorNotice } from "./api-error-notice";
import { DeploymentFollow } from "./deployment-follow";
import { Notice } from "./notice";
import { PlanPreviewList } from "./plan-preview";
import { PlanProgress } from "./plan-progress";
import { postJson } from "./post-json";
import { useApply } from "./use-apply";

// Optional last step (admins): preflight, then create or update the EAS service, then follow it live.
export function DeployStep({ state, accountId, canWrite, readOnly }: { state: SetupState; accountId: string; canWrite: boolean; readOnly: boolean }) {
  const t = useTranslations("wizard.deploy");
  const tc = useTranslations("common");
  const method = methodOf(state);
  const config = buildServiceConfig({
    name: state.serviceName,
    needs: state.needs,
    method,
    ...(method === 1 ? { workspaceId: state.workspaceId || undefined } : { role: { accountId, name: state.roleName } }),
    codePath: state.codePath,
  });
  const request = { region: state.needs.region, config };
  const q = useQuery({
    queryKey: ["setup-deploy-preview", request],
    queryFn: ({ signal }) => postJson<DeployPreview>("/api/setup/deploy/preview", request, { signal }),
    staleTime: 0,
    retry: false,
  });
  const { state: run, apply } = useApply("/api/setup/deploy/apply");
  if (q.isPending) return <TableSkeleton rows={4} label={tc("loading")} />;
  if (q.isError) return <ApiErrorNotice error={q.error} />;
  const { preview, preflight, existing } = q.data;
  const ready = preflight.findings.every((f) => f.severity !== "error");
  return (
    <div className="space-y-4">
      <Panel title={t("preflightTitle")}>
        <FindingsList findings={preflight.findings} />
      </Panel>
      <Panel title={t(existing ? "updateTitle" : "createTitle", { name: state.serviceName, region: state.needs.region })}>
        <PlanPreviewList preview={preview} />
      </Panel>
      <Panel title={t("applyTitle")}>
        <div className="space-y-3">
          {!canWrite ? (
            <Notice tone="info" title={readOnly ? t("readOnly") : t("adminOnly")}>{readOnly ? t("readOnlyText") : t("adminOnlyText")}</Notice>
          ) : !ready ? (
            <Notice tone="danger" title={t("blocked")} testId="deploy-blocked">{t("blockedText")}</Notice>
          ) : (
            run.phase !== "done" && (
              <Button variant="primary" disabled={run.phase === "running"} onClick={() => apply({ ...request, token: preview.token })} data-cloud-write>
                {t(existing ? "confirmUpdate" : "confirmCreate")}
              </Button>
            )
          )}
          <PlanProgress run={run} />
          {run.error && <ApiErrorNotice error={run.error} />}
          {run.phase === "done" && <DeploymentFollow region={state.needs.region} name={state.serviceName} />}
        </div>
      </Panel>
    </div>
  );
}
