// The render stage's role checks, in the order the platform meets them: the role exists, the
// deploying RAM user may pass it, EAS may assume it; for the PAI default role, the
// service-linked role exists and workspace_id is set. Under --generic-role-errors the first
// three all speak the seed's one message, as the real service often does.
import { parseArn } from "../../lib/policy/arn";
import { parsePolicy } from "../../lib/policy/parse";
import { canAssume } from "../../lib/policy/trust";
import type { NamedPolicy } from "../../lib/policy/types";
import { PAI_DEFAULT_ROLE, type ServiceRoleAnalysis } from "../../lib/service-config";
import { EAS_SERVICE_PRINCIPAL, type Caller, type RamView, type RoleView } from "../core/contract";
import { EAS_DIAGNOSES, EAS_EVENTS, type DiagnosisDraft, type EventDraft } from "./event-messages";

export interface RenderFailure {
  event: EventDraft;
  diagnosis: DiagnosisDraft;
}

export type RoleStage = { ok: true; policies: NamedPolicy[] } | { ok: false; failure: RenderFailure };

function userLabel(c: Caller): string {
  if (c.kind === "user") return `${c.userName} (${c.userId})`;
  if (c.kind === "assumed-role") return `${c.roleName}/${c.sessionName}`;
  return c.accountId;
}

function assumable(role: RoleView): boolean {
  const trust = parsePolicy(role.assumeRolePolicyDocument, { kind: "trust" });
  return trust.ok && canAssume(trust.policy, { type: "Service", service: EAS_SERVICE_PRINCIPAL }).decision === "Allow";
}

function findRole(ram: RamView, arn: string, roleName: string | undefined): RoleView | undefined {
  const account = parseArn(arn)?.account;
  if (!roleName || (account !== ram.accountId && account !== "")) return undefined;
  return ram.getRole(roleName);
}

const fail = (event: EventDraft, diagnosis: DiagnosisDraft): RoleStage => ({ ok: false, failure: { event, diagnosis } });

export function roleStage(a: ServiceRoleAnalysis, deployer: Caller, ram: RamView, generic: boolean): RoleStage {
  const roleFailure = (event: EventDraft, diagnosis: DiagnosisDraft) =>
    generic ? fail(EAS_EVENTS.assumeRoleDenied(), EAS_DIAGNOSES.genericRoleDenied()) : fail(event, diagnosis);
  if (a.roleMode === "custom") {
    const arn = a.roleArn ?? "";
    const role = findRole(ram, arn, a.roleName);
    if (!role) return roleFailure(EAS_EVENTS.roleNotExist(arn), EAS_DIAGNOSES.roleNotExist(arn));
    if (deployer.kind !== "root") {
      const pass = ram.authorize(deployer, "ram:PassRole", role.arn, { "acs:Service": EAS_SERVICE_PRINCIPAL });
      const who = userLabel(deployer);
      if (pass.decision !== "Allow") return roleFailure(EAS_EVENTS.passRoleDenied(who, role.arn), EAS_DIAGNOSES.passRoleDenied(who, role.arn));
    }
    if (!assumable(role)) return roleFailure(EAS_EVENTS.assumeRoleDenied(), EAS_DIAGNOSES.assumeRoleDenied(role.arn));
    return { ok: true, policies: ram.policiesForRole(role.roleName) };
  }
  if (a.roleMode === "default") {
    const role = ram.getRole(PAI_DEFAULT_ROLE);
    if (!role) return fail(EAS_EVENTS.serviceRoleNotExist(PAI_DEFAULT_ROLE), EAS_DIAGNOSES.serviceRoleNotExist(PAI_DEFAULT_ROLE));
    if (!assumable(role)) return fail(EAS_EVENTS.assumeRoleDenied(), EAS_DIAGNOSES.assumeRoleDenied(role.arn));
    if (a.needs.some((n) => n.kind === "workspace-id" && !n.satisfied)) return fail(EAS_EVENTS.workspaceIdMissing(), EAS_DIAGNOSES.workspaceIdMissing());
    return { ok: true, policies: ram.policiesForRole(role.roleName) };
  }
  // A service without a role is mounted and pulled for by the platform's own service-linked role.
  return { ok: true, policies: ram.policiesForRole(PAI_DEFAULT_ROLE) };
}
