"use client";

import { useTranslations } from "next-intl";
import { needChecks } from "@/lib/wizard/need-checks";
import { customPolicyName, easTrustPolicy, leastPrivilegePolicy, systemPoliciesFor } from "@/lib/wizard/policies";
import type { FieldIssue } from "@/lib/wizard/rules";
import type { SetupState } from "@/lib/wizard/state";
import { Panel } from "@/components/ui/panel";
import { controlProps, Field, inputClass, ruleOf } from "./field";
import { Notice } from "./notice";
import { Snippet } from "./snippet";

interface Props {
  state: SetupState;
  accountId: string;
  issues: FieldIssue[];
  update(patch: Partial<SetupState>): void;
}

const pretty = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

// "Create a role": its name by RAM's rules, the EAS trust policy, and the policies the needs call for.
export function NewRoleForm({ state, accountId, issues, update }: Props) {
  const t = useTranslations("wizard.role");
  const rule = (f: string) => ruleOf(issues, f);
  const system = systemPoliciesFor(state.needs);
  const custom = leastPrivilegePolicy(needChecks(state.needs, accountId));
  return (
    <>
      <Panel title={t("newTitle")}>
        <div className="grid grid-cols-2 gap-4">
          <Field field="roleName" label={t("roleName")} rule={rule("roleName")} hint={t("roleNameHint")}>
            <input {...controlProps("roleName", rule("roleName"))} value={state.roleName} onChange={(e) => update({ roleName: e.target.value.trim() })} className={inputClass} />
          </Field>
          <Field field="description" label={t("description")} rule={rule("description")}>
            <input {...controlProps("description", rule("description"))} value={state.description} onChange={(e) => update({ description: e.target.value })} className={inputClass} />
          </Field>
        </div>
        <fieldset className="mt-4 space-y-1.5 text-sm">
          <legend className="mb-1 text-xs font-medium text-slate-700">{t("policyMode")}</legend>
          {(["system", "custom"] as const).map((m) => (
            <label key={m} className="flex items-start gap-2">
              <input type="radio" name="policy-mode" className="mt-1" checked={state.policyMode === m} onChange={() => update({ policyMode: m })} />
              <span>
                <span className="font-medium text-slate-900">{t(m === "system" ? "modeSystem" : "modeCustom")}</span>
                <span className="block text-xs text-slate-600">{t(m === "system" ? "modeSystemText" : "modeCustomText")}</span>
              </span>
            </label>
          ))}
        </fieldset>
      </Panel>
      <Panel title={t("documentsTitle")}>
        <div className="space-y-4">
          <Snippet title={t("trustPolicy")} value={pretty(easTrustPolicy())} note={t("trustPolicyNote")} testId="trust-policy" />
          {state.policyMode === "system" ? (
            <div data-testid="system-policies">
              <p className="text-sm font-medium text-slate-900">{t("systemPolicies")}</p>
              {system.length > 0 ? (
                <ul className="mt-1 list-disc pl-5 font-mono text-xs text-slate-800">
                  {system.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              ) : (
                <p className="mt-1 text-sm text-slate-600">{t("noPoliciesNeeded")}</p>
              )}
            </div>
          ) : custom ? (
            <Snippet title={t("customPolicy", { name: customPolicyName(state.roleName || "role") })} value={pretty(custom)} note={t("customPolicyNote")} testId="custom-policy" />
          ) : (
            <p className="text-sm text-slate-600">{t("noPoliciesNeeded")}</p>
          )}
          {state.needs.other.length > 0 && <Notice tone="warning" title={t("otherNotCovered", { products: state.needs.other.join(", ") })}>{t("otherNotCoveredFix")}</Notice>}
        </div>
      </Panel>
    </>
  );
}
