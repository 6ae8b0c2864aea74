// Every permission decision of the emulator: lib/policy's evaluate over the caller's policies.
import { evaluate } from "../../lib/policy";
import type { EvaluationRequest, EvaluationResult, NamedPolicy, Principal, RequestContext } from "../../lib/policy/types";
import type { Attachment } from "../ram/state";
import type { RamStore } from "../ram/store";
import { ApiError, type Caller, type RamView, type RoleView } from "./contract";
import { sealDiagnostic, type DecodedDiagnosticMessage, type MatchedPolicyWire, type NoPermissionPolicyType } from "./diagnostic";

const ALLOW: EvaluationResult = { decision: "Allow", matched: [], missingContextKeys: [] };

export function principalOf(caller: Caller): Principal {
  if (caller.kind === "root") return { type: "Root", account: caller.accountId };
  if (caller.kind === "user") return { type: "RAMUser", account: caller.accountId, name: caller.userName };
  return { type: "RAMRole", account: caller.accountId, name: caller.roleName };
}

/** A policy the decision read, and what RAM says it is attached to. */
interface Source {
  policy: NamedPolicy;
  entity: "RamUser" | "RamGroup" | "RamRole";
  kind: "System" | "Custom";
  version?: string;
}

function sources(store: RamStore, attachments: Attachment[], entity: Source["entity"]): Source[] {
  const out: Source[] = [];
  for (const a of attachments) {
    const p = store.findPolicy(a.policyName, a.policyType);
    if (!p) continue;
    out.push({
      policy: { name: p.policy.policyName, type: p.kind, document: store.permissionDoc(store.documentOf(p)) },
      entity,
      kind: p.kind,
      // Only custom policies have versions (DecodeDiagnosticMessage: PolicyVersion).
      ...(p.kind === "Custom" ? { version: p.policy.defaultVersion } : {}),
    });
  }
  return out;
}

function userSources(store: RamStore, userName: string): Source[] {
  const own = sources(store, store.findUser(userName)?.policies ?? [], "RamUser");
  return [...own, ...store.groupsOf(userName).flatMap((g) => sources(store, g.policies, "RamGroup"))];
}

const withoutConditions = (p: NamedPolicy): NamedPolicy => ({
  ...p,
  document: {
    Version: "1",
    Statement: p.document.Statement.map((st) => {
      const rest = { ...st };
      delete rest.Condition;
      return rest;
    }),
  },
});

/**
 * The policies behind a denial: for an explicit deny the policies whose Deny statements matched;
 * for an implicit deny those that would allow the action on the resource but for their conditions
 * (the "almost" a person needs to see). An implicit deny with nothing close lists none.
 */
function matchedPolicies(req: EvaluationRequest, result: EvaluationResult, src: Source[]): MatchedPolicyWire[] {
  const wire = (s: Source, effect: "Allow" | "Deny"): MatchedPolicyWire => ({
    Effect: effect,
    PolicyIdentifier: s.policy.name,
    PolicyType: s.kind,
    ...(s.version ? { PolicyVersion: s.version } : {}),
    AttachedEntityType: s.entity,
    AttachedScope: "Account",
  });
  if (result.decision === "ExplicitDeny") {
    const names = new Set(result.matched.map((m) => m.policy));
    return src.filter((s) => names.has(s.policy.name)).map((s) => wire(s, "Deny"));
  }
  if (result.decision === "Allow") return [];
  return src.filter((s) => evaluate(req, [withoutConditions(s.policy)]).decision === "Allow").map((s) => wire(s, "Allow"));
}

export interface Decision extends EvaluationResult {
  /** Which policy layer decided a denial, in DecodeDiagnosticMessage's words. */
  policyType: NoPermissionPolicyType;
  /** DecodeDiagnosticMessage's MatchedPolicies for a denial. */
  matchedPolicies: MatchedPolicyWire[];
}

function decided(req: EvaluationRequest, src: Source[], policyType: NoPermissionPolicyType): Decision {
  const result = evaluate(req, src.map((s) => s.policy));
  return { ...result, policyType, matchedPolicies: matchedPolicies(req, result, src) };
}

export function decide(store: RamStore, caller: Caller, action: string, resource: string, context: RequestContext): Decision {
  if (caller.kind === "root") return { ...ALLOW, policyType: "AccountLevelIdentityBasedPolicy", matchedPolicies: [] };
  const req = { principal: principalOf(caller), action, resource, context };
  if (caller.kind === "user") return decided(req, userSources(store, caller.userName), "AccountLevelIdentityBasedPolicy");
  const role = store.findRole(caller.roleName);
  const creds = store.state.sts[caller.accessKeyId];
  // Session policy first: it is evaluated before identity policies and may only narrow them.
  if (creds?.sessionPolicy) {
    const session: Source = {
      policy: { name: "SessionPolicy", type: "Session", document: store.permissionDoc(creds.sessionPolicy) },
      entity: "RamRole",
      kind: "Custom",
    };
    const s = evaluate(req, [session.policy]);
    if (s.decision !== "Allow") {
      // The session policy is no RAM policy: it has no name, type or version of its own.
      const m: MatchedPolicyWire = { ...(s.decision === "ExplicitDeny" ? { Effect: "Deny" as const } : {}), PolicyIdentifier: "SessionPolicy", PolicyType: "SessionPolicy", AttachedEntityType: "AssumedRoleUser", AttachedScope: "Account" };
      return { ...s, policyType: "SessionPolicy", matchedPolicies: [m] };
    }
  }
  return decided(req, role ? sources(store, role.policies, "RamRole") : [], "AccountLevelIdentityBasedPolicy");
}

/** A trust policy's refusal of AssumeRole: the role's trust policy is the one that decided. */
export function trustDecision(roleName: string, trust: EvaluationResult): Decision {
  const m: MatchedPolicyWire = {
    ...(trust.decision === "ExplicitDeny" ? { Effect: "Deny" as const } : {}),
    PolicyIdentifier: roleName,
    PolicyType: "AssumeRolePolicy",
    AttachedEntityType: "RamRole",
    AttachedScope: "Account",
  };
  return { ...trust, policyType: "AssumeRolePolicy", matchedPolicies: [m] };
}

function displayName(caller: Caller): { type: string; name: string } {
  if (caller.kind === "user") return { type: "SubUser", name: caller.userName };
  if (caller.kind === "assumed-role") return { type: "AssumedRoleUser", name: `${caller.roleName}:${caller.sessionName}` };
  return { type: "Account", name: caller.accountId };
}

/** The condition keys the decision saw, with their values, as AuthConditions lists them. */
function authConditions(context: RequestContext): DecodedDiagnosticMessage["AuthConditions"] {
  return Object.entries(context)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ({ ConditionKey: k, ConditionValues: Array.isArray(v) ? v.map(String) : [String(v)] }));
}

/**
 * RAM's answer to a refused call (OpenAPI, "NoPermission" error bodies: AccessDeniedDetail with
 * AuthAction, AuthPrincipalType, AuthPrincipalDisplayName, AuthPrincipalOwnerId, PolicyType,
 * NoPermissionType and EncodedDiagnosticMessage).
 */
export function noPermission(
  caller: Caller,
  action: string,
  resource: string,
  d: Decision,
  message = "You are not authorized to do this action.",
  context: RequestContext = {},
): ApiError {
  const who = displayName(caller);
  const explicit = d.decision === "ExplicitDeny";
  const decoded: DecodedDiagnosticMessage = {
    AuthAction: action,
    AuthResource: resource,
    AuthPrincipal: { AuthPrincipalType: who.type, AuthPrincipalOwnerId: caller.accountId, AuthPrincipalDisplayName: who.name },
    AuthConditions: authConditions(context),
    ExplicitDeny: explicit,
    NoPermissionPolicyType: d.policyType,
    MatchedPolicies: d.matchedPolicies,
  };
  return new ApiError(403, "NoPermission", message, {
    AccessDeniedDetail: {
      PolicyType: d.policyType,
      AuthPrincipalOwnerId: caller.accountId,
      EncodedDiagnosticMessage: sealDiagnostic(caller.accountId, decoded),
      AuthPrincipalType: who.type,
      AuthPrincipalDisplayName: who.name,
      NoPermissionType: explicit ? "ExplicitDeny" : "ImplicitDeny",
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
  if (d.decision !== "Allow") throw noPermission(caller, action, resource, d, undefined, context);
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
