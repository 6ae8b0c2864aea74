import { compilePolicy } from "../policy/compile";
import { evaluate } from "../policy/evaluate";
import { EAS_SERVICE_PRINCIPAL } from "../policy/builders";
import { parseRamPrincipal } from "../policy/arn";
import { asList } from "../policy/lists";
import { roleKey } from "../policy/role-identity";
import { compileGlobs } from "../policy/wildcard";
import type { EvaluationResult, NamedPolicy, PolicyDocument, Principal, RequestContext } from "../policy/types";
import { nodeId, type AccessInventory, type PathEdge, type PrincipalRef, type StatementRef } from "./types";

// Who may act as which role, one hop at a time. Every RAM user and role is a principal; an edge
// says the principal may act as a role, by assuming it or by passing it to EAS, with the
// statements that decide it. Conditions are evaluated at the graph's time; a statement whose
// conditions ask for a key the graph cannot know (a source IP, a tag) does not make an edge.

interface GraphPrincipal {
  ref: PrincipalRef;
  /** The principal as lib/policy evaluates it. */
  as: Principal;
  policies: NamedPolicy[];
  fromGroup: Record<string, string>;
}

/** One hop: `from` (an index into `principals`) may act as `role` (an index into `roles`). */
export interface DirectEdge {
  from: number;
  role: number;
  kind: "assume" | "pass-to-eas";
  edges: PathEdge[];
}

export interface AccessGraph {
  accountId: string;
  now: Date;
  principals: GraphPrincipal[];
  /** Each role with its principal's index. */
  roles: { name: string; arn: string; principal: number }[];
  /** Role key → the hops into that role. */
  inbound: Map<string, DirectEdge[]>;
  /** Role key → the role's index in `roles`. */
  roleIndex: Map<string, number>;
}

const EAS_WRITES = ["eas:CreateService", "eas:UpdateService"] as const;

function refs(result: EvaluationResult, fromGroup: Record<string, string>): StatementRef[] {
  return result.matched
    .filter((m) => m.effect === "Allow")
    .map((m) => ({ policy: m.policy, statementIndex: m.statementIndex, ...(fromGroup[m.policy] ? { group: fromGroup[m.policy] } : {}) }));
}

function edge(from: string, to: string, via: PathEdge["via"], statements: StatementRef[]): PathEdge {
  return { from, to, via, statement: statements[0], statements };
}

/** The Allow statements of any policy that name the action: a principal without one needs no closer look. */
function allowsAny(policies: NamedPolicy[], action: string) {
  return policies.flatMap((p) => compilePolicy(p.document).byAction(action).filter((s) => s.effect === "Allow"));
}

/**
 * May the principal create or update some EAS service? Each Allow statement for the action is
 * tried on a service its own Resource names (wildcards filled in), so that a grant on
 * `service/team-*` counts and a Deny on that service still refuses it.
 */
function easWriteEdge(p: GraphPrincipal, account: string, context: RequestContext): PathEdge | undefined {
  for (const action of EAS_WRITES) {
    const tried = new Set<string>();
    for (const policy of p.policies) {
      const statements = Array.isArray(policy.document?.Statement) ? policy.document.Statement : [];
      for (const st of compilePolicy(policy.document).byAction(action.toLowerCase())) {
        if (st.effect !== "Allow") continue;
        const raw = statements[st.index];
        const written = raw?.Resource ? asList(raw.Resource) : ["*"];
        for (const pattern of written) {
          const sample = pattern === "*" || !pattern.toLowerCase().startsWith("acs:eas:") ? `acs:eas:cn-hangzhou:${account}:service/any` : pattern.replace(/[*?]/g, "x");
          if (tried.has(sample)) continue;
          tried.add(sample);
          const d = evaluate({ principal: p.as, action, resource: sample, context }, p.policies);
          if (d.decision === "Allow") return edge(nodeId.of(p.ref), nodeId.service(EAS_SERVICE_PRINCIPAL), action, refs(d, p.fromGroup));
        }
      }
    }
  }
  return undefined;
}

/** Principals a trust policy could admit by its RAM principals ("all" for the account's root or `*`); canAssume then decides each. */
function trustCandidates(trust: PolicyDocument, account: string, principals: GraphPrincipal[]): "all" | ((i: number) => boolean) {
  const tests: ((p: GraphPrincipal) => boolean)[] = [];
  for (const st of Array.isArray(trust.Statement) ? trust.Statement : []) {
    if (st?.Effect !== "Allow" || !st.Principal) continue;
    for (const value of asList(st.Principal.RAM)) {
      if (value === "*") return "all";
      const ref = parseRamPrincipal(value);
      if (!ref || !compileGlobs([ref.account], false)(account)) continue;
      if (ref.kind === "root") return "all";
      if (ref.kind === "provider") continue;
      const name = compileGlobs([ref.name], true);
      const kind = ref.kind;
      tests.push((p) => p.ref.type === kind && name(p.ref.name.toLowerCase()));
    }
  }
  return (i) => tests.some((t) => t(principals[i]));
}

type Compiled = ReturnType<typeof allowsAny>[number];

/**
 * Role index → the principals holding an Allow statement for the action that names the role.
 * Statements are shared by everyone holding the same policy, so each is matched against the
 * roles once, not once per holder: the work grows with policies × roles, not principals × roles.
 */
function holdersByRole(principals: GraphPrincipal[], roles: { arn: string }[], action: string): Set<number>[] {
  const holders = new Map<Compiled, number[]>();
  principals.forEach((p, i) => {
    for (const st of allowsAny(p.policies, action)) {
      const list = holders.get(st);
      if (list) list.push(i);
      else holders.set(st, [i]);
    }
  });
  const out = roles.map(() => new Set<number>());
  for (const [st, who] of holders) {
    roles.forEach((r, ri) => {
      if (st.resource && st.resource(r.arn) === st.notResource) return;
      for (const i of who) out[ri].add(i);
    });
  }
  return out;
}

/** A role is one role however its name is spelt: a trust entry may write it as RAM's ARN does, in lower case. */
function trustAdmits(trust: PolicyDocument, as: Principal, context: RequestContext): EvaluationResult {
  const first = canAssume(trust, as, context);
  if (first.decision === "Allow" || as.type !== "RAMRole" || as.name === roleKey(as.name)) return first;
  return canAssume(trust, { ...as, name: roleKey(as.name) }, context);
}

// lib/policy's canAssume, without its check of the principal's shape: the graph builds every
// principal itself, and that check would run once per pair.
function canAssume(trust: PolicyDocument, principal: Principal, context: RequestContext): EvaluationResult {
  return evaluate({ principal, action: "sts:AssumeRole", resource: "*", context }, [{ name: "AssumeRolePolicy", type: "Trust", document: trust }], { trust: true });
}

export function buildAccessGraph(inv: AccessInventory, opts: { now?: Date } = {}): AccessGraph {
  const now = opts.now ?? new Date();
  const account = inv.accountId;
  const context: RequestContext = { "acs:CurrentTime": now.toISOString() };
  const passContext: RequestContext = { ...context, "acs:Service": EAS_SERVICE_PRINCIPAL };
  const principals: GraphPrincipal[] = [
    ...inv.users.map((u) => ({ ref: { type: "user", name: u.name } as const, as: { type: "RAMUser", account, name: u.name } as const, policies: u.policies, fromGroup: u.fromGroup ?? {} })),
    ...inv.roles.map((r) => ({ ref: { type: "role", name: r.name } as const, as: { type: "RAMRole", account, name: r.name } as const, policies: r.policies, fromGroup: {} })),
  ];
  const roles = inv.roles.map((r, i) => ({ name: r.name, arn: r.arn, principal: inv.users.length + i }));
  const roleIndex = new Map(roles.map((r, i) => [roleKey(r.name), i]));

  const assumers = holdersByRole(principals, roles, "sts:assumerole");
  const passers = holdersByRole(principals, roles, "ram:passrole");
  const easEdges = new Map<number, PathEdge | undefined>();
  const easEdgeOf = (i: number) => {
    if (!easEdges.has(i)) easEdges.set(i, easWriteEdge(principals[i], account, context));
    return easEdges.get(i);
  };

  const inbound = new Map<string, DirectEdge[]>();
  inv.roles.forEach((role, r) => {
    const hops: DirectEdge[] = [];
    const target = nodeId.role(role.name);
    const self = roles[r].principal;
    if (role.trust) {
      const admits = trustCandidates(role.trust, account, principals);
      for (const i of assumers[r]) {
        if (i === self || (admits !== "all" && !admits(i))) continue;
        const p = principals[i];
        const identity = evaluate({ principal: p.as, action: "sts:AssumeRole", resource: role.arn, context }, p.policies);
        if (identity.decision !== "Allow") continue;
        const trusted = trustAdmits(role.trust, p.as, context);
        if (trusted.decision !== "Allow") continue;
        const from = nodeId.of(p.ref);
        hops.push({
          from: i,
          role: r,
          kind: "assume",
          edges: [edge(from, target, "sts:AssumeRole", refs(identity, p.fromGroup)), edge(from, target, "trust", refs(trusted, {}))],
        });
      }
      const eas = canAssume(role.trust, { type: "Service", service: EAS_SERVICE_PRINCIPAL }, context);
      if (eas.decision === "Allow") {
        for (const i of passers[r]) {
          if (i === self) continue;
          const p = principals[i];
          const pass = evaluate({ principal: p.as, action: "ram:PassRole", resource: role.arn, context: passContext }, p.policies);
          if (pass.decision !== "Allow") continue;
          const write = easEdgeOf(i);
          if (!write) continue;
          const from = nodeId.of(p.ref);
          hops.push({
            from: i,
            role: r,
            kind: "pass-to-eas",
            edges: [edge(from, target, "ram:PassRole", refs(pass, p.fromGroup)), write, edge(nodeId.service(EAS_SERVICE_PRINCIPAL), target, "trust", refs(eas, {}))],
          });
        }
      }
    }
    inbound.set(roleKey(role.name), hops);
  });
  return { accountId: account, now, principals, roles, inbound, roleIndex };
}
