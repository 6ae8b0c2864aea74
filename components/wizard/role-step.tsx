"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { CandidateRole } from "@/lib/setup/list-roles";
import type { FieldIssue } from "@/lib/wizard/rules";
import type { SetupState } from "@/lib/wizard/state";
import { Panel } from "@/components/ui/panel";
import { TableSkeleton } from "@/components/ui/states";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { ApiErrorNotice } from "./api-error-notice";
import { CoverageList, TrustBadge } from "./coverage";
import { NewRoleForm } from "./new-role-form";
import { Notice } from "./notice";
import { postJson } from "./post-json";

interface Props {
  state: SetupState;
  accountId: string;
  issues: FieldIssue[];
  update(patch: Partial<SetupState>): void;
}

function ExistingRoles({ state, update }: Pick<Props, "state" | "update">) {
  const t = useTranslations("wizard.role");
  const tc = useTranslations("common");
  const q = useQuery({
    queryKey: ["setup-roles", state.needs],
    queryFn: ({ signal }) => postJson<{ roles: CandidateRole[] }>("/api/setup/roles", { needs: state.needs }, { signal }),
  });
  if (q.isPending) return <TableSkeleton rows={5} label={tc("loading")} />;
  if (q.isError) return <ApiErrorNotice error={q.error} />;
  const chosen = q.data.roles.find((r) => r.name === state.roleName);
  const gaps = chosen?.coverage.filter((c) => c.state === "gap") ?? [];
  return (
    <div className="space-y-3">
      <Table aria-label={t("rolesLabel")}>
        <THead>
          <tr>
            <TH className="w-8"><span className="sr-only">{t("pick")}</span></TH>
            <TH>{t("colRole")}</TH>
            <TH>{t("colTrust")}</TH>
            <TH>{t("colNeeds")}</TH>
          </tr>
        </THead>
        <tbody>
          {q.data.roles.map((r) => (
            <TR key={r.name} data-testid={`candidate-${r.name}`} className={r.name === state.roleName ? "bg-blue-50/60" : ""}>
              <TD>
                <input type="radio" name="existing-role" aria-label={t("pickRole", { name: r.name })} checked={r.name === state.roleName} onChange={() => update({ roleName: r.name })} />
              </TD>
              <TD>
                <div className="font-medium">{r.name}</div>
                {r.description && <div className="text-xs text-slate-500" data-verbatim>{r.description}</div>}
                <div className="mt-0.5 text-xs text-slate-500">{r.policies.map((p) => p.name).join(", ") || t("noPolicies")}</div>
              </TD>
              <TD>
                <TrustBadge trust={r.trust} />
              </TD>
              <TD>
                <CoverageList coverage={r.coverage} />
              </TD>
            </TR>
          ))}
        </tbody>
      </Table>
      {chosen && !chosen.trust.allowed && (
        <Notice tone="danger" title={t("chosenNoTrust", { name: chosen.name })}>{t(`trustReason.${chosen.trust.reason}`)}</Notice>
      )}
      {chosen && gaps.length > 0 && <Notice tone="warning" title={t("chosenGaps", { name: chosen.name, count: gaps.length })}>{t("chosenGapsFix")}</Notice>}
    </div>
  );
}

// Method 2: pick a role EAS can assume, or create one with exactly what the needs ask.
export function RoleStep({ state, accountId, issues, update }: Props) {
  const t = useTranslations("wizard.role");
  const tw = useTranslations("wizard");
  const sourceIssue = issues.find((i) => i.field === "roleSource");
  const pickIssue = state.roleSource === "existing" ? issues.find((i) => i.field === "roleName") : undefined;
  return (
    <div className="space-y-4">
      <div role="radiogroup" aria-label={t("sourceLabel")} className="flex gap-4 text-sm">
        {(["existing", "new"] as const).map((src) => (
          <label key={src} className="flex items-center gap-1.5">
            <input type="radio" name="role-source" checked={state.roleSource === src} onChange={() => update({ roleSource: src, roleName: "" })} />
            {t(src === "existing" ? "useExisting" : "createNew")}
          </label>
        ))}
      </div>
      {sourceIssue && <p className="text-xs text-red-700">{tw("fieldError", { field: t("sourceLabel"), rule: tw(`rules.${sourceIssue.rule}`) })}</p>}
      {pickIssue && <p className="text-xs text-red-700">{tw("fieldError", { field: t("colRole"), rule: tw(`rules.${pickIssue.rule}`) })}</p>}
      {state.roleSource === "existing" && (
        <Panel title={t("existingTitle")}>
          <ExistingRoles state={state} update={update} />
        </Panel>
      )}
      {state.roleSource === "new" && <NewRoleForm state={state} accountId={accountId} issues={issues} update={update} />}
    </div>
  );
}
