"use client";

import { useTranslations } from "next-intl";
import { usesOss } from "@/lib/wizard/needs";
import type { FieldIssue } from "@/lib/wizard/rules";
import { buildServiceConfig, configJson } from "@/lib/wizard/service-config";
import { codePathOf, type SetupState } from "@/lib/wizard/state";
import { defaultCodePath } from "@/lib/wizard/libraries";
import { Panel } from "@/components/ui/panel";
import { CodeOutputs, NetworkChoice } from "./code-outputs";
import { controlProps, Field, inputClass, ruleOf } from "./field";
import { Notice } from "./notice";
import { Snippet } from "./snippet";

interface Props {
  state: SetupState;
  issues: FieldIssue[];
  defaultRole: { name: string; exists: boolean };
  /** Workspace ids the region's services use: offered, and a typed id outside them is questioned. */
  workspaces: string[];
  update(patch: Partial<SetupState>): void;
}

// Method 1: the PAI default role. The config, the code and its credentials, ready to paste.
export function Method1Step({ state, issues, defaultRole, workspaces, update }: Props) {
  const t = useTranslations("wizard.method1");
  const rule = (f: string) => ruleOf(issues, f);
  const oss = usesOss(state.needs);
  const unknownWorkspace = state.workspaceId !== "" && !rule("workspaceId") && workspaces.length > 0 && !workspaces.includes(state.workspaceId);
  const config = buildServiceConfig({ name: state.serviceName, needs: state.needs, method: 1, workspaceId: state.workspaceId || undefined, codePath: codePathOf(state) });
  return (
    <div className="space-y-4">
      {!defaultRole.exists && (
        <Notice tone="danger" title={t("defaultRoleMissing", { name: defaultRole.name })} testId="default-role-missing">
          {t("defaultRoleMissingFix")}
        </Notice>
      )}
      <Panel title={t("settingsTitle")}>
        <div className="grid grid-cols-2 gap-4">
          <Field field="serviceName" label={t("serviceName")} rule={rule("serviceName")} hint={t("serviceNameHint")}>
            <input {...controlProps("serviceName", rule("serviceName"))} value={state.serviceName} onChange={(e) => update({ serviceName: e.target.value.trim() })} className={inputClass} />
          </Field>
          <Field field="workspaceId" label={t(oss ? "workspaceIdRequired" : "workspaceId")} rule={rule("workspaceId")} hint={t(oss ? "workspaceIdHintOss" : "workspaceIdHint")}>
            <input {...controlProps("workspaceId", rule("workspaceId"))} list="known-workspaces" value={state.workspaceId} onChange={(e) => update({ workspaceId: e.target.value.trim() })} className={inputClass} />
          </Field>
          <datalist id="known-workspaces">
            {workspaces.map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
          <Field field="codePath" label={t("codePath")} rule={rule("codePath")} hint={t("codePathHint", { path: defaultCodePath(state.needs) })}>
            <input {...controlProps("codePath", rule("codePath"))} value={state.codePath} placeholder={defaultCodePath(state.needs)} onChange={(e) => update({ codePath: e.target.value.trim() })} className={inputClass} />
          </Field>
          <NetworkChoice needs={state.needs} network={state.network} onChange={(network) => update({ network })} />
        </div>
      </Panel>
      {unknownWorkspace && (
        <Notice tone="warning" title={t("workspaceUnknown", { id: state.workspaceId, region: state.needs.region })} testId="workspace-unknown">
          {t("workspaceUnknownFix", { known: workspaces.join(", ") })}
        </Notice>
      )}
      <Panel title={t("configTitle")}>
        <Snippet title={t("config")} value={configJson(config)} note={t("configNote")} testId="service-config" />
      </Panel>
      <CodeOutputs needs={state.needs} network={state.network} codePath={codePathOf(state)} />
    </div>
  );
}
