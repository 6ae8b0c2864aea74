// Every permission decision of the emulator: lib/policy's evaluate over the caller's policies.
import { evaluate } from "../../lib/policy";
import type { EvaluationResult, NamedPolicy, Principal, RequestContext } from "../../lib/policy/types";
import type { RamStore } from "../ram/store";
import { ApiError, type Caller, type RamView, type RoleView } from "./contract";

const ALLOW: EvaluationResult = { decision: "Allow", matched: [], missingContextKeys: [] };

export function principalOf(caller: Caller): Principal {
  if (caller.kind === "root") return { type: "Root", account: caller.accountId };
  if (caller.kind === "user") return { type: "RAMUser", account: caller.accountId, name: caller.userName };
  return { type: "RAMRole", account: caller.accountId, name: caller.roleName };
}

/** The role's policies, and the AssumeRole session policy that narrows them (if any). */
function sessionPolicies(store: RamStore, caller: Extract<Caller, { kind: "assumed-role" }>): { role: NamedPolicy[]; session?: NamedPolicy } {
  const role = store.findRole(caller.roleName);
  const creds = store.state.sts[caller.accessKeyId];
  const session = creds?.sessionPolicy
    ? { name: "SessionPolicy", type: "Session" as const, document: store.permissionDoc(creds.sessionPolicy) }
    : undefined;
  return { role: role ? store.namedPolicies(role.policies) : [], session };
}

export interface Decision extends EvaluationResult {
  /** Which policy layer decided a denial, in DecodeDiagnosticMessage's words. */
  policyType: "AccountLevelIdentityBasedPolicy" | "SessionPolicy" | "AssumeRolePolicy";
}

export function decide(store: RamStore, caller: Caller, action: string, resource: string, context: RequestContext): Decision {
  if (caller.kind === "root") return { ...ALLOW, policyType: "AccountLevelIdentityBasedPolicy" };
  const req = { principal: principalOf(caller), action, resource, context };
  if (caller.kind === "user") {
    return { ...evaluate(req, store.namedPolicies(store.effectiveUserAttachments(caller.userName))), policyType: "AccountLevelIdentityBasedPolicy" };
  }
  const { role, session } = sessionPolicies(store, caller);
  // Session policy first: it is evaluated before identity policies and may only narrow them.
  if (session) {
    const s = evaluate(req, [session]);
    if (s.decision !== "Allow") return { ...s, policyType: "SessionPolicy" };
  }
  return { ...evaluate(req, role), policyType: "AccountLevelIdentityBasedPolicy" };
}

function displayName(caller: Caller): { type: string; name: string } {
  if (caller.kind === "user") return { type: "SubUser", name: caller.userName };
  if (caller.kind === "assumed-role") return { type: "AssumedRoleUser", name: `${caller.roleName}:${caller.sessionName}` };
  return { type: "Account", name: caller.accountId };
}

export function noPermission(caller: Caller, action: string, resource: string, d: Decision, message = "You are not authorized to do this action."): ApiError {
  const who = displayName(caller);
  const diagnostic = {
    AuthAction: action,
    AuthResource: resource,
    AuthPrincipalType: who.type,
    AuthPrincipalDisplayName: who.name,
    AuthPrincipalOwnerId: caller.accountId,
    NoPermissionType: d.decision === "ExplicitDeny" ? "ExplicitDeny" : "ImplicitDeny",
    PolicyType: d.policyType,
    ExplicitDeny: d.decision === "ExplicitDeny",
    MatchedPolicies: d.matched.map((m) => m.policy),
  };
  return new ApiError(403, "NoPermission", message, {
    AccessDeniedDetail: {
      PolicyType: d.policyType,
      AuthPrincipalOwnerId: caller.accountId,
      EncodedDiagnosticMessage: Buffer.from(JSON.stringify(diagnostic)).toString("base64"),
      AuthPrincipalType: who.type,
      AuthPrincipalDisplayName: who.name,
      NoPermissionType: diagnostic.NoPermissionType,
      AuthAction: action,
    },
  });
}

export function baseContext(now: Date, sourceIp?: string): RequestContext {
  return { "acs:CurrentTime": now.toISOString(), "acs:SourceIp": sourceIp, "acs:SecureTransport": false };
}

export function requirePermission(
  store: RamStore,
  caller: Caller,
  action: string,
  resource: string,
  context: RequestContext,
): void {
  const d = decide(store, caller, action, resource, context);
  if (d.decision !== "Allow") throw noPermission(caller, action, resource, d);
}

/** What the EAS half reads of RAM: always the live store. */
export function createRamView(store: RamStore, now: () => Date): RamView {
  return {
    get accountId() {
      return store.accountId;
    },
    getRole(roleName: string): RoleView | undefined {
      const r = store.findRole(roleName);
      return r && { roleName: r.roleName, roleId: r.roleId, arn: r.arn, assumeRolePolicyDocument: r.assumeRolePolicyDocument };
    },
    policiesForRole: (roleName) => store.namedPolicies(store.findRole(roleName)?.policies ?? []),
    policiesForUser: (userName) => store.namedPolicies(store.effectiveUserAttachments(userName)),
    authorize: (caller, action, resource, context) =>
      decide(store, caller, action, resource, { ...baseContext(now()), ...context }),
  };
}
