import { asList } from "../policy/lists";
import { statementCovers } from "../policy/cover";
import { grantsWithin } from "../policy/grants-within";
import { parseArn } from "../policy/arn";
import { actionMatches } from "../policy/wildcard";
import type { ConditionBlock, NamedPolicy, PolicyDocument, Statement } from "../policy/types";
import type { RamCheck } from "../service-config/types";
import type { Proposal, ProposedStatement, ServiceUse, StatementReason } from "./types";

// The right-sized policy: what the role did, on what it did it (widened only to the bucket and
// key prefix a person would write, and only where the current policies already allow that
// much), plus what the platform does with the role at deploy (mounts, image pull, model files),
// which are not the role's own calls and are never dropped; the current Deny statements are kept
// word for word. Pure: the caller brings the activity, the needs and the policies.

export interface DeployNeed {
  kind: string;
  target: string;
  checks: RamCheck[];
}

interface ProposalInput {
  policies: readonly NamedPolicy[];
  used: readonly ServiceUse[];
  needs: readonly DeployNeed[];
}

/** `acs:oss:*:*:bucket/models/v3/a.bin` → `acs:oss:*:*:bucket/models/v3/*`; anything else as it is. */
export function generalise(resource: string): string {
  const arn = parseArn(resource);
  if (!arn || arn.service !== "oss") return resource;
  const slash = arn.resource.indexOf("/");
  if (slash < 0) return resource;
  const bucket = arn.resource.slice(0, slash);
  const key = arn.resource.slice(slash + 1);
  const dir = key.includes("/") ? key.slice(0, key.lastIndexOf("/") + 1) : "";
  return `acs:oss:${arn.region}:${arn.account}:${bucket}/${dir}*`;
}

interface Grant {
  action: string;
  resource: string;
  condition?: ConditionBlock;
}

/** The current Allow that covers (action, resource), conditions aside, so its conditions can be kept. */
function coveringAllow(allows: readonly Statement[], action: string, resource: string): Statement | undefined {
  const probe = (c: Statement): Statement => ({ Effect: "Allow", Action: [action], Resource: [resource], ...(c.Condition ? { Condition: c.Condition } : {}) });
  return allows.find((c) => statementCovers(c, probe(c)));
}

/** One used (action, resource): the widest of (prefix, exact) that a current Allow already grants. */
function grantFor(allows: readonly Statement[], action: string, resource: string): Grant | undefined {
  for (const candidate of [generalise(resource), resource]) {
    const c = coveringAllow(allows, action, candidate);
    if (c) return { action, resource: candidate, ...(c.Condition ? { condition: c.Condition } : {}) };
  }
  return undefined;
}

/** Groups grants into statements: same resources and conditions share one statement, actions sorted. */
function statements(grants: readonly Grant[], why: (actions: string[]) => StatementReason, sidPrefix: string): ProposedStatement[] {
  const byResource = new Map<string, { resource: string; condition?: ConditionBlock; actions: Set<string> }>();
  for (const g of grants) {
    const key = JSON.stringify([g.resource, g.condition ?? null]);
    const e = byResource.get(key) ?? { resource: g.resource, condition: g.condition, actions: new Set<string>() };
    e.actions.add(g.action);
    byResource.set(key, e);
  }
  const byActions = new Map<string, { actions: string[]; condition?: ConditionBlock; resources: string[] }>();
  for (const e of byResource.values()) {
    const actions = [...e.actions].sort();
    const key = JSON.stringify([actions, e.condition ?? null]);
    const s = byActions.get(key) ?? { actions, condition: e.condition, resources: [] };
    s.resources.push(e.resource);
    byActions.set(key, s);
  }
  return [...byActions.values()].map((s, i) => ({
    sid: `${sidPrefix}${i + 1}`,
    effect: "Allow",
    actions: s.actions,
    resources: s.resources.sort(),
    why: why(s.actions),
    ...(s.condition ? { condition: s.condition } : {}),
  }));
}

export function buildProposal(input: ProposalInput): Proposal {
  const all = input.policies.flatMap((p) => p.document.Statement);
  const allows = all.filter((s) => s.Effect === "Allow");
  const denies = all.filter((s) => s.Effect === "Deny");

  const used: Grant[] = [];
  for (const svc of input.used) {
    for (const a of svc.actions) {
      // An event that names no resource: the action on what the current policies allow it on, no wider.
      const resources = a.resources.length > 0 ? a.resources : allows.filter((c) => asList(c.Action).some((p) => actionMatches(p, a.action))).flatMap((c) => asList(c.Resource));
      for (const r of resources) {
        const g = grantFor(allows, a.action, r);
        if (g) used.push(g);
      }
    }
  }
  const deploy: Grant[] = input.needs.flatMap((n) => n.checks.map((c) => ({ action: c.action, resource: c.resource })));
  const needsByAction = (actions: string[]) => input.needs.filter((n) => n.checks.some((c) => actions.includes(c.action))).map((n) => ({ kind: n.kind, target: n.target }));

  const proposed: ProposedStatement[] = [
    ...statements(used, (actions) => ({ kind: "used", actions }), "Used"),
    ...statements(deploy, (actions) => ({ kind: "deploy", needs: needsByAction(actions) }), "Deploy"),
    ...denies.map((d, i): ProposedStatement => ({ sid: `Deny${i + 1}`, effect: "Deny", actions: asList(d.Action), resources: asList(d.Resource), why: { kind: "deny" } })),
  ];
  const document: PolicyDocument = {
    Version: "1",
    Statement: [
      ...proposed.filter((s) => s.effect === "Allow").map((s): Statement => ({
        Effect: "Allow",
        Action: s.actions,
        Resource: s.resources,
        ...(s.condition ? { Condition: s.condition } : {}),
      })),
      // Denies word for word: a Deny never widens, and dropping one would.
      ...denies,
    ],
  };

  const keptActions = [...new Set(proposed.filter((s) => s.effect === "Allow").flatMap((s) => s.actions))].sort();
  const grantedActions = [...new Set(allows.flatMap((s) => asList(s.Action)))].sort();
  const droppedActions = grantedActions.filter((g) => !keptActions.some((k) => actionMatches(g, k)));
  return {
    document,
    statements: proposed,
    grantedActions,
    droppedActions,
    keptActions,
    deployNeeds: [...new Set(input.needs.filter((n) => n.checks.length > 0).map((n) => n.kind))].sort(),
    noNewAccess: grantsWithin(document, input.policies.map((p) => p.document)),
  };
}
