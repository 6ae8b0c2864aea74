// What a decoded denial means, and the smallest change that would allow the refused call.
// Pure: the decoded fields (RAM DecodeDiagnosticMessage) in, data out; words are chosen by the
// reader's locale elsewhere (./words.ts).
import { createHash } from "node:crypto";
import { canAssume, evaluate, serializePolicy } from "../policy";
import type { DecodedDiagnostic } from "../cloud/ram-types";
import type { PolicyDocument, Principal, Statement } from "../policy/types";

type DenialKind = "implicit" | "explicit" | "trust" | "session" | "control" | "resource-group";

/** Who was refused, as RAM names them: a RAM user, a role session, or a federated identity. */
interface RefusedPrincipal {
  type: "user" | "role" | "federated" | "account";
  /** The RAM user, the role (without its session), or the identity provider's name. */
  name: string;
  session?: string;
  account: string;
}

export interface DenyingPolicy {
  name: string;
  type: string;
  version?: string;
  attachedTo: string;
  /** The RAM console's page of the policy. */
  link?: string;
}

export interface Explanation {
  kind: DenialKind;
  action: string;
  resource: string;
  principal: RefusedPrincipal;
  /** Deny statements' policies (explicit), or policies that would allow it but for a condition (implicit). */
  policies: DenyingPolicy[];
  conditions: { key: string; values: string[] }[];
}

export type Fix =
  /** One statement for exactly this action and resource, to attach to the refused user or role. */
  | { kind: "grant"; attachTo: { type: "user" | "role"; name: string }; policyName: string; statement: Statement; document: string; simulated: "Allow" }
  /** An explicit deny: the denying policies; overriding one blindly undoes a decision someone made on purpose. */
  | { kind: "explicit-deny"; policies: DenyingPolicy[] }
  /** A trust policy's refusal: the statement the role's trust policy needs. */
  | { kind: "trust"; role: string; statement: Statement; simulated: "Allow" }
  /** A session policy narrowed the session: the statement the session policy needs. */
  | { kind: "session"; statement: Statement; simulated: "Allow" }
  /** A control policy (resource directory) or a resource group's policy: changed elsewhere, by others. */
  | { kind: "elsewhere"; where: "control" | "resource-group" }
  /** A federated identity or the account itself: nothing the console can attach a policy to. */
  | { kind: "none" };

const RAM_CONSOLE = "https://ram.console.aliyun.com";

function principalOf(d: DecodedDiagnostic): RefusedPrincipal {
  const p = d.authPrincipal;
  const account = p.authPrincipalOwnerId;
  if (p.authPrincipalType === "AssumedRoleUser") {
    // RAM writes a role session as RoleName:RoleSessionName.
    const [name, ...rest] = p.authPrincipalDisplayName.split(":");
    return { type: "role", name, ...(rest.length > 0 ? { session: rest.join(":") } : {}), account };
  }
  if (p.authPrincipalType === "SubUser") return { type: "user", name: p.authPrincipalDisplayName, account };
  if (p.authPrincipalType === "Federated") return { type: "federated", name: p.authPrincipalDisplayName, account };
  return { type: "account", name: p.authPrincipalDisplayName || account, account };
}

function kindOf(d: DecodedDiagnostic): DenialKind {
  switch (d.noPermissionPolicyType) {
    case "AssumeRolePolicy":
      return "trust";
    case "SessionPolicy":
      return "session";
    case "ControlPolicy":
      return "control";
    case "ResourceGroupLevelIdentityBasedPolicy":
      return "resource-group";
    default:
      return d.explicitDeny ? "explicit" : "implicit";
  }
}

const ENTITY: Record<string, string> = { RamUser: "user", RamRole: "role", RamGroup: "group", ResourceDirectoryTarget: "directory", AssumedRoleUser: "session" };

export function explain(d: DecodedDiagnostic): Explanation {
  const kind = kindOf(d);
  const ramPolicy = (t: string) => t === "Custom" || t === "System";
  return {
    kind,
    action: d.authAction,
    resource: d.authResource,
    principal: principalOf(d),
    policies: d.matchedPolicies.map((m) => ({
      name: m.policyIdentifier,
      type: m.policyType,
      ...(m.policyVersion ? { version: m.policyVersion } : {}),
      attachedTo: ENTITY[m.attachedEntityType] ?? m.attachedEntityType,
      ...(ramPolicy(m.policyType)
        ? { link: `${RAM_CONSOLE}/policies/detail?policyType=${encodeURIComponent(m.policyType)}&policyName=${encodeURIComponent(m.policyIdentifier)}` }
        : {}),
    })),
    conditions: d.authConditions.map((c) => ({ key: c.conditionKey, values: c.conditionValues })),
  };
}

const requestPrincipal = (p: RefusedPrincipal): Principal | undefined =>
  p.type === "user" ? { type: "RAMUser", account: p.account, name: p.name } : p.type === "role" ? { type: "RAMRole", account: p.account, name: p.name } : undefined;

/** RAM's ARN of the refused identity, as a trust policy names it. */
function principalArn(p: RefusedPrincipal): string | undefined {
  if (p.type === "user") return `acs:ram::${p.account}:user/${p.name}`;
  if (p.type === "role") return `acs:ram::${p.account}:role/${p.name.toLowerCase()}`;
  return undefined;
}

/** A policy name RAM accepts (letters, digits, `-`, ≤ 128) that says what it allows and is unique to it. */
function grantPolicyName(action: string, resource: string): string {
  const hash = createHash("sha256").update(`${action}\n${resource}`).digest("hex").slice(0, 8);
  const what = action.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 80);
  return `allow-${what}-${hash}`;
}

/**
 * The smallest change that would allow the call, checked with lib/policy before it is offered:
 * a statement is shown only when evaluating it for exactly this request gives Allow.
 */
export function smallestFix(e: Explanation): Fix {
  const statement: Statement = { Effect: "Allow", Action: [e.action], Resource: [e.resource] };
  const principal = requestPrincipal(e.principal);
  const req = { principal, action: e.action, resource: e.resource, context: {} };
  const simulate = (doc: PolicyDocument) => evaluate(req, [{ name: "fix", type: "Custom", document: doc }]).decision;
  switch (e.kind) {
    case "explicit":
      return { kind: "explicit-deny", policies: e.policies.filter((p) => p.type === "Custom" || p.type === "System") };
    case "control":
    case "resource-group":
      return { kind: "elsewhere", where: e.kind };
    case "trust": {
      const arn = principalArn(e.principal);
      if (!arn || !principal) return { kind: "none" };
      const trustStatement: Statement = { Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { RAM: [arn] } };
      const decided = canAssume({ Version: "1", Statement: [trustStatement] }, principal).decision;
      if (decided !== "Allow") return { kind: "none" };
      return { kind: "trust", role: e.resource.split("/").pop() ?? e.resource, statement: trustStatement, simulated: "Allow" };
    }
    case "session": {
      if (simulate({ Version: "1", Statement: [statement] }) !== "Allow") return { kind: "none" };
      return { kind: "session", statement, simulated: "Allow" };
    }
    case "implicit": {
      if (e.principal.type !== "user" && e.principal.type !== "role") return { kind: "none" };
      const document: PolicyDocument = { Version: "1", Statement: [statement] };
      if (simulate(document) !== "Allow") return { kind: "none" };
      return {
        kind: "grant",
        attachTo: { type: e.principal.type, name: e.principal.name },
        policyName: grantPolicyName(e.action, e.resource),
        statement,
        document: serializePolicy(document),
        simulated: "Allow",
      };
    }
  }
}
