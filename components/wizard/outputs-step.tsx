"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { roleArn } from "@/lib/policy/arn";
import { buildPassRolePolicy } from "@/lib/wizard/policies";
import type { FieldIssue } from "@/lib/wizard/rules";
import { buildServiceConfig, configJson } from "@/lib/wizard/service-config";
import { codePathOf, deployerOf, type SetupState } from "@/lib/wizard/state";
import { defaultCodePath } from "@/lib/wizard/libraries";
import { Panel } from "@/components/ui/panel";
import { TableSkeleton } from "@/components/ui/states";
import { FindingsList } from "@/components/preflight/findings-list";
import { usePreflight } from "@/components/preflight/use-preflight";
import { ApiErrorNotice } from "./api-error-notice";
import { CodeOutputs, NetworkChoice } from "./code-outputs";
import { controlProps, Field, inputClass, ruleOf } from "./field";
import { Snippet } from "./snippet";

interface Props {
  state: SetupState;
  accountId: string;
  users: string[];
  /** The signed-in user's linked RAM user: who deploys until another is chosen. */
  linkedRamUser: string | null;
  issues: FieldIssue[];
  update(patch: Partial<SetupState>): void;
}

// Method 2's outputs: the config with role_arn, the code, and the PassRole step for a deploying RAM user.
export function OutputsStep({ state, accountId, users, linkedRamUser, issues, update }: Props) {
  const t = useTranslations("wizard.outputs");
  const rule = (f: string) => ruleOf(issues, f);
  const config = buildServiceConfig({ name: state.serviceName, needs: state.needs, method: 2, role: { accountId, name: state.roleName }, codePath: codePathOf(state) });
  const ready = issues.length === 0;
  const deployer = deployerOf(state, linkedRamUser);
  const check = usePreflight({ config, region: state.needs.region, ...(deployer ? { deployer } : {}) }, ready);
  return (
    <div className="space-y-4">
      <Panel title={t("settingsTitle")}>
        <div className="grid grid-cols-2 gap-4">
          <Field field="serviceName" label={t("serviceName")} rule={rule("serviceName")} hint={t("serviceNameHint")}>
            <input {...controlProps("serviceName", rule("serviceName"))} value={state.serviceName} onChange={(e) => update({ serviceName: e.target.value.trim() })} className={inputClass} />
          </Field>
          <Field field="deployer" label={t("deployer")} rule={rule("deployer")} hint={t("deployerHint")}>
            <select {...controlProps("deployer", rule("deployer"))} value={deployer} onChange={(e) => update({ deployer: e.target.value })} className={inputClass}>
              <option value="">{t("deployerAccount")}</option>
              {(deployer && !users.includes(deployer) ? [deployer, ...users] : users).map((u) => (
                <option key={u} value={u}>{u === linkedRamUser ? t("deployerYou", { user: u }) : u}</option>
              ))}
            </select>
          </Field>
          <Field field="codePath" label={t("codePath")} rule={rule("codePath")} hint={t("codePathHint", { path: defaultCodePath(state.needs) })}>
            <input {...controlProps("codePath", rule("codePath"))} value={state.codePath} placeholder={defaultCodePath(state.needs)} onChange={(e) => update({ codePath: e.target.value.trim() })} className={inputClass} />
          </Field>
          <NetworkChoice needs={state.needs} network={state.network} onChange={(network) => update({ network })} />
        </div>
      </Panel>
      <Panel title={t("configTitle")}>
        <Snippet title={t("config")} value={configJson(config)} note={t("configNote2", { arn: roleArn(accountId, state.roleName) })} testId="service-config" />
      </Panel>
      {deployer && (
        <Panel title={t("passRoleTitle")}>
          <Snippet
            title={t("passRolePolicy", { user: deployer })}
            value={`${JSON.stringify(buildPassRolePolicy(state.roleName, { accountId }), null, 2)}\n`}
            note={t("passRoleNote", { user: deployer, role: state.roleName })}
            testId="passrole-policy"
          />
          <p className="mt-2 text-xs">
            <Link href={`/requests?${new URLSearchParams({ role: state.roleName, ramUser: deployer })}`} className="text-blue-700 hover:underline" data-testid="passrole-request-link">
              {t("passRoleAsk", { user: deployer })}
            </Link>
          </p>
        </Panel>
      )}
      <Panel title={t("checkTitle")}>
        {!ready ? (
          <p className="text-sm text-slate-600">{t("checkWaiting")}</p>
        ) : check.isPending ? (
          <TableSkeleton rows={2} label={t("checking")} />
        ) : check.isError ? (
          <ApiErrorNotice error={check.error} />
        ) : (
          <FindingsList findings={check.data.findings} />
        )}
      </Panel>
      <CodeOutputs needs={state.needs} network={state.network} codePath={codePathOf(state)} />
    </div>
  );
}
