import { EAS_SERVICE_PRINCIPAL, addServicePrincipal, buildPassRolePolicy, canAssume, diffJsonLines, parseArn, parsePolicy, serializePolicy } from "../policy";
import { PAI_DEFAULT_ROLE } from "../service-config/analyse";
import { statementRef, type Finding } from "./finding";
import type { AccountRoleFacts, ReadinessFacts as DiagnosisFacts } from "./facts";
import type { FixProposal } from "./evidence";

// The render stage's causes, in the order the platform checks them: the role exists, the deployer
// may pass it, EAS may assume it; for the PAI default role, it exists and workspace_id is set.

const OSS_NEEDS = new Set(["oss-mount", "oss-model", "oss-path"]);
const MAX_CANDIDATES = 3;

export function roleNotFound(f: DiagnosisFacts): Finding | undefined {
  const { use } = f;
  if (use.roleMode !== "custom" || (!f.role && use.roleName)) return undefined;
  const account = use.roleArn ? parseArn(use.roleArn)?.account : undefined;
  const reason = !use.roleName ? "malformed-arn" : account && account !== f.accountId ? "other-account" : f.role?.exists === false ? "not-found" : undefined;
  if (!reason) return undefined;
  const configPath = typeof f.config?.role_arn === "string" && f.config.role_arn.trim() !== "" ? "role_arn" : f.config?.credential?.role_arn ? "credential.role_arn" : "role_arn";
  const candidates = [...(f.fixInputs?.candidates ?? [])].filter((c) => c.coversNeeds).sort((a, b) => Number(b.deployerMayPass) - Number(a.deployerMayPass));
  const fixes = candidates.slice(0, MAX_CANDIDATES).map((c): FixProposal => ({ id: `role-arn:${c.name}`, kind: "point-role-arn", roleName: c.name, roleArn: c.arn, configPath }));
  const name = use.roleName ?? use.roleArn ?? "";
  return {
    values: { role: name },
    subject: name,
    detail: [name],
    evidence: [{ kind: "role-missing", roleName: use.roleName, roleArn: use.roleArn, reason, ...(f.role?.missing ? { cloud: { code: f.role.missing.code, requestId: f.role.missing.requestId } } : {}) }],
    fixes,
  };
}

export function passRoleDenied(f: DiagnosisFacts): Finding | undefined {
  const { use, passRole, deployer } = f;
  if (use.roleMode !== "custom" || !use.roleName || !f.role?.exists || !passRole?.needed || passRole.allowed || deployer?.kind !== "user") return undefined;
  const roleArn = f.role.role?.arn ?? use.roleArn ?? "";
  const decision = passRole.decision?.decision ?? "ImplicitDeny";
  // An explicit Deny outweighs any Allow a grant would add: the fix is to lift the Deny, by hand.
  const deny = decision === "ExplicitDeny" ? statementRef(passRole.decision?.matched[0]) : undefined;
  return {
    values: { user: deployer.userName, role: use.roleName },
    subject: `${deployer.userName} → ${use.roleName}`,
    detail: [deployer.userName, use.roleName],
    evidence: [{ kind: "passrole", userName: deployer.userName, uid: deployer.uid, roleArn, decision, ...(deny ? { deciding: deny } : {}), required: serializePolicy(buildPassRolePolicy(use.roleName, { accountId: f.accountId }), { pretty: true }) }],
    fixes: deny ? [] : [{ id: "grant-passrole", kind: "grant-passrole", userName: deployer.userName, roleName: use.roleName, roleArn }],
  };
}

// A role's trust evidence depends on the role alone: worked out once for all the services it fails.
const trustFindings = new WeakMap<AccountRoleFacts, Finding>();

function trustFinding(role: AccountRoleFacts, roleName: string): Finding {
  const raw = role.role?.assumeRolePolicyDocument ?? "";
  const base = { values: { role: roleName }, subject: roleName, detail: [roleName] };
  const parsed = parsePolicy(raw, { kind: "trust" });
  if (!parsed.ok) {
    const unreadable = parsed.errors.map((e) => e.message).join("; ");
    return { ...base, evidence: [{ kind: "trust", roleName, document: raw, lines: raw.split("\n").map((text) => ({ kind: "same", text })), easCanAssume: false, unreadable }], fixes: [] };
  }
  const decision = canAssume(parsed.policy, { type: "Service", service: EAS_SERVICE_PRINCIPAL });
  const deny = decision.decision === "ExplicitDeny" ? statementRef(decision.matched[0]) : undefined;
  const after = addServicePrincipal(parsed.policy, EAS_SERVICE_PRINCIPAL).policy;
  return {
    ...base,
    evidence: [{ kind: "trust", roleName, document: serializePolicy(parsed.policy, { pretty: true }), lines: diffJsonLines(parsed.policy, after), easCanAssume: false, ...(deny ? { deny } : {}) }],
    fixes: deny ? [] : [{ id: "add-eas-trust", kind: "add-trust-principal", roleName }],
  };
}

export function trustMissingEas(f: DiagnosisFacts): Finding | undefined {
  const { use, role } = f;
  if (use.roleMode !== "custom" || !use.roleName || !role?.exists || role.easCanAssume) return undefined;
  let found = trustFindings.get(role);
  if (!found || found.subject !== use.roleName) {
    found = trustFinding(role, use.roleName);
    trustFindings.set(role, found);
  }
  return found;
}

export function defaultRoleMissing(f: DiagnosisFacts): Finding | undefined {
  if (f.use.roleMode !== "default" || f.role?.exists !== false) return undefined;
  return {
    values: { role: PAI_DEFAULT_ROLE },
    subject: PAI_DEFAULT_ROLE,
    detail: [PAI_DEFAULT_ROLE],
    evidence: [{ kind: "service-linked-role", roleName: PAI_DEFAULT_ROLE, ...(f.role.missing ? { cloud: { code: f.role.missing.code, requestId: f.role.missing.requestId } } : {}) }],
    fixes: [{ id: "create-service-linked-role", kind: "create-service-linked-role", serviceName: EAS_SERVICE_PRINCIPAL, roleName: PAI_DEFAULT_ROLE }],
  };
}

export function workspaceIdMissing(f: DiagnosisFacts): Finding | undefined {
  if (f.use.roleMode !== "default" || !f.use.workspaceMissing) return undefined;
  const neededBy = f.use.needs.filter((n) => OSS_NEEDS.has(n.kind)).map((n) => n.path);
  return {
    values: { field: "metadata.workspace_id" },
    subject: f.region,
    detail: neededBy,
    evidence: [{ kind: "config-field", path: "metadata.workspace_id", neededBy }],
    fixes: (f.fixInputs?.workspaces ?? []).map((workspaceId): FixProposal => ({ id: `workspace-id:${workspaceId}`, kind: "add-workspace-id", workspaceId })),
  };
}
