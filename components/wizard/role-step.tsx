"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { CandidateRole } from "@/lib/setup/list-roles";
import type { FieldIssue } from "@/lib/wizard/rules";
import { deployerOf, type SetupState } from "@/lib/wizard/state";
import { Badge } from "@/components/ui/badge";
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
  linkedRamUser: string | null;
  issues: FieldIssue[];
  update(patch: Partial<SetupState>): void;
}

/** Whether the deployer may pass the role to EAS, and how; or that they must ask, with the request prefilled. */
function PassCell({ role, deployer }: { role: CandidateRole; deployer: string }) {
  const t = useTranslations("wizard.role");
  if (!role.pass) return <span className="text-xs text-slate-600">{t("passNotNeeded")}</span>;
  if (role.pass.how) return <p className="max-w-48 text-xs text-emerald-800">{t(`passHow.${role.pass.how}`, { user: deployer })}</p>;
  return (
    <div className="space-y-1">
      <Badge tone="warning" dot>{t("passMissing", { user: deployer })}</Badge>
      <Link href={`/requests?${new URLSearchParams({ role: role.name, ramUser: deployer })}`} className="block text-xs text-blue-700 underline">
        {t("passAsk")}
      </Link>
    </div>
  );
}

function BreadthWarning({ role }: { role: CandidateRole }) {
  const t = useTranslations("wizard.role");
  if (!role.breadth) return null;
  const { fullAccess, starActions } = role.breadth;
  return (
    <p className="mt-1 text-xs text-amber-900" data-testid={`breadth-${role.name}`}>
      {t(fullAccess.length > 0 && starActions.length > 0 ? "breadthBoth" : fullAccess.length > 0 ? "breadthFull" : "breadthStar", { fullAccess: fullAccess.join(", "), starActions: starActions.join(", ") })}
    </p>
  );
}

function ExistingRoles({ state, linkedRamUser, update }: Pick<Props, "state" | "linkedRamUser" | "update">) {
  const t = useTranslations("wizard.role");
  const tc = useTranslations("common");
  const deployer = deployerOf(state, linkedRamUser);
  const q = useQuery({
    queryKey: ["setup-roles", state.needs, deployer],
    queryFn: ({ signal }) => postJson<{ roles: CandidateRole[] }>("/api/setup/roles", { needs: state.needs, ...(deployer ? { deployer } : {}) }, { signal }),
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
            <TH>{deployer ? t("colTrustPass", { user: deployer }) : t("colTrust")}</TH>
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
                <BreadthWarning role={r} />
              </TD>
              <TD>
                <TrustBadge trust={r.trust} />
                {!r.trust.allowed && <p className="mt-1 max-w-48 text-xs text-red-800">{t(`trustReason.${r.trust.reason}`)}</p>}
                <div className="mt-1.5">
                  <PassCell role={r} deployer={deployer} />
                </div>
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
      {chosen?.breadth && <Notice tone="warning" title={t("chosenBroad", { name: chosen.name })}>{t("chosenBroadFix")}</Notice>}
      {chosen?.pass && !chosen.pass.how && <Notice tone="warning" title={t("chosenNoPass", { name: chosen.name, user: deployer })}>{t("chosenNoPassFix")}</Notice>}
      {chosen && gaps.length > 0 && <Notice tone="warning" title={t("chosenGaps", { name: chosen.name, count: gaps.length })}>{t("chosenGapsFix")}</Notice>}
    </div>
  );
}

// Method 2: pick a role EAS can assume, or create one with exactly what the needs ask.
export function RoleStep({ state, accountId, linkedRamUser, issues, update }: Props) {
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
          <ExistingRoles state={state} linkedRamUser={linkedRamUser} update={update} />
        </Panel>
      )}
      {state.roleSource === "new" && <NewRoleForm state={state} accountId={accountId} issues={issues} update={update} />}
    </div>
  );
}
