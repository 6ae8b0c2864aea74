"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { DeployPreview } from "@/lib/setup/preview-deploy";
import { methodOf } from "@/lib/wizard/steps";
import { buildServiceConfig } from "@/lib/wizard/service-config";
import { codePathOf, deployerOf, type SetupState } from "@/lib/wizard/state";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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
export function DeployStep({ state, accountId, linkedRamUser, canWrite, readOnly }: { state: SetupState; accountId: string; linkedRamUser: string | null; canWrite: boolean; readOnly: boolean }) {
  const t = useTranslations("wizard.deploy");
  const tc = useTranslations("common");
  const method = methodOf(state);
  const config = buildServiceConfig({
    name: state.serviceName,
    needs: state.needs,
    method,
    ...(method === 1 ? { workspaceId: state.workspaceId || undefined } : { role: { accountId, name: state.roleName } }),
    codePath: codePathOf(state),
  });
  // Preflight here checks for the same deployer as the Outputs step, so the two never disagree.
  const deployer = method === 2 ? deployerOf(state, linkedRamUser) : "";
  const request = { region: state.needs.region, config, ...(deployer ? { deployer } : {}) };
  const [asking, setAsking] = useState(false);
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
              <Button variant="primary" disabled={run.phase === "running"} onClick={() => setAsking(true)} data-cloud-write>
                {t(existing ? "confirmUpdate" : "confirmCreate")}
              </Button>
            )
          )}
          <ConfirmDialog
            open={asking}
            title={t(existing ? "confirmUpdateTitle" : "confirmCreateTitle", { name: state.serviceName, region: state.needs.region })}
            confirmLabel={t(existing ? "confirmUpdate" : "confirmCreate")}
            cancelLabel={tc("cancel")}
            onConfirm={() => {
              setAsking(false);
              void apply({ ...request, token: preview.token });
            }}
            onCancel={() => setAsking(false)}
          >
            <PlanPreviewList preview={preview} />
          </ConfirmDialog>
          <PlanProgress run={run} />
          {run.error && <ApiErrorNotice error={run.error} />}
          {run.phase === "done" && (
            <>
              <Link href={`/services/${encodeURIComponent(state.needs.region)}/${encodeURIComponent(state.serviceName)}`} className="text-sm text-blue-700 underline" data-testid="service-link">
                {t("openService", { name: state.serviceName })}
              </Link>
              <DeploymentFollow region={state.needs.region} name={state.serviceName} />
            </>
          )}
        </div>
      </Panel>
    </div>
  );
}
