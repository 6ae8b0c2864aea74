"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { RolePreview } from "@/lib/setup/preview-create-role";
import type { SetupState } from "@/lib/wizard/state";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { TableSkeleton } from "@/components/ui/states";
import { CopyButton } from "@/components/ui/copy-button";
import { ApiErrorNotice } from "./api-error-notice";
import { Notice } from "./notice";
import { PlanPreviewList } from "./plan-preview";
import { PlanProgress } from "./plan-progress";
import { postJson } from "./post-json";
import { useApply } from "./use-apply";

// Method 2, create: the preview of every cloud call; an admin confirms it and the steps run one by one.
export function PreviewStep({ state, canWrite, readOnly }: { state: SetupState; canWrite: boolean; readOnly: boolean }) {
  const t = useTranslations("wizard.preview");
  const tc = useTranslations("common");
  const client = useQueryClient();
  const request = { needs: state.needs, roleName: state.roleName, description: state.description, policyMode: state.policyMode };
  const q = useQuery({
    queryKey: ["setup-role-preview", request],
    queryFn: ({ signal }) => postJson<RolePreview>("/api/setup/role/preview", request, { signal }),
    staleTime: 0,
    retry: false,
  });
  const { state: run, apply } = useApply("/api/setup/role/apply");
  if (q.isPending) return <TableSkeleton rows={4} label={tc("loading")} />;
  if (q.isError) return <ApiErrorNotice error={q.error} />;
  const confirm = async () => {
    await apply({ ...request, token: q.data.preview.token });
    await client.invalidateQueries({ queryKey: ["setup-roles"] });
  };
  const busy = run.phase === "running";
  return (
    <div className="space-y-4">
      <Panel title={t("title", { count: q.data.preview.steps.length })}>
        <p className="mb-3 text-sm text-slate-600">{t("intro", { arn: q.data.roleArn })}</p>
        <PlanPreviewList preview={q.data.preview} />
      </Panel>
      <Panel title={t("applyTitle")}>
        <div className="space-y-3">
          {canWrite ? (
            <div className="flex flex-wrap items-center gap-3">
              {run.phase !== "done" && (
                <Button variant="primary" disabled={busy} onClick={confirm} data-cloud-write>
                  {run.phase === "failed" && run.steps.some((s) => s.state === "done" || s.state === "failed") ? t("retry") : t("confirm")}
                </Button>
              )}
              {run.phase === "idle" && <span className="text-xs text-slate-600">{t("confirmHint")}</span>}
              {run.phase === "done" && <Notice tone="success" title={t("applied", { arn: q.data.roleArn })} testId="applied" />}
            </div>
          ) : (
            <Notice tone="info" title={readOnly ? t("readOnly") : t("adminOnly")} testId="admin-only">
              <span className="flex flex-wrap items-center gap-2">
                {readOnly ? t("readOnlyText") : t("adminOnlyText")}
                <CopyButton value={typeof window === "undefined" ? "" : window.location.href} label={t("copyLink")} />
              </span>
            </Notice>
          )}
          <PlanProgress run={run} />
          {run.error && <ApiErrorNotice error={run.error} />}
        </div>
      </Panel>
    </div>
  );
}
