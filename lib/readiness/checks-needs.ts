import type { NamedPolicy, PolicyDocument } from "../policy/types";
import { checkNeeds, type NeedResult } from "../service-config/check";
import type { NeedKind } from "../service-config/types";
import { statementRef, type Finding } from "./finding";
import type { ReadinessFacts as DiagnosisFacts } from "./facts";
import type { Evidence, FixProposal } from "./evidence";

// What the role must allow for the platform to mount the service's data and pull its image, and
// for its code to reach the OSS addresses the config names; checked with lib/policy as RAM would.

const MOUNT_KINDS: ReadonlySet<NeedKind> = new Set(["oss-mount", "nas-mount", "oss-model"]);
const IMAGE_KINDS: ReadonlySet<NeedKind> = new Set(["image-pull"]);
const CODE_KINDS: ReadonlySet<NeedKind> = new Set(["oss-path"]);

/** System policies that cover a read need; a write need gets a policy scoped to it instead. */
export const COVER_POLICIES = ["AliyunOSSReadOnlyAccess", "AliyunNASReadOnlyAccess", "AliyunContainerRegistryReadOnlyAccess"] as const;

/** The policies the needs are decided by: the service's role, or the platform's own for a service without one. */
function effectivePolicies(f: DiagnosisFacts): NamedPolicy[] | undefined {
  if (f.use.roleMode === "none") return f.platformRole?.exists ? f.platformRole.policies : undefined;
  return f.role?.exists ? f.role.policies : undefined;
}

// Each service's needs are evaluated once, however many rules (and the health after the
// diagnosis) ask: the list does this for every row.
const evaluated = new WeakMap<DiagnosisFacts, NeedResult[]>();

function deniedAll(f: DiagnosisFacts): NeedResult[] {
  let results = evaluated.get(f);
  if (!results) {
    const policies = effectivePolicies(f);
    results = policies ? checkNeeds(f.use.needs.filter((n) => n.checks.length > 0), policies).filter((r) => !r.allowed && r.denied) : [];
    evaluated.set(f, results);
  }
  return results;
}

function deniedNeeds(f: DiagnosisFacts, kinds: ReadonlySet<NeedKind>): NeedResult[] {
  return deniedAll(f).filter((r) => kinds.has(r.need.kind));
}

function needEvidence(r: NeedResult, roleName: string | undefined): Evidence {
  const d = r.denied!;
  const deciding = d.decision === "ExplicitDeny" ? statementRef(d.deciding[0]) : undefined;
  return { kind: "need", roleName, need: { kind: r.need.kind, path: r.need.path, target: r.need.target }, action: d.action, resource: d.resource, decision: d.decision, ...(deciding ? { deciding } : {}) };
}

// A short, stable hash (FNV-1a) names the scoped policy after exactly what it grants.
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/** One Allow statement per resource, with exactly the actions the denied needs lack on it. */
function scopedDocument(denied: NeedResult[]): PolicyDocument {
  const byResource = new Map<string, string[]>();
  for (const r of denied) {
    for (const c of r.checks.filter((c) => !c.allowed)) {
      const actions = byResource.get(c.resource) ?? [];
      if (!actions.includes(c.action)) actions.push(c.action);
      byResource.set(c.resource, actions);
    }
  }
  return { Version: "1", Statement: [...byResource].map(([resource, actions]) => ({ Effect: "Allow", Action: actions, Resource: [resource] })) };
}

function scopedPolicyName(roleName: string, doc: PolicyDocument): string {
  return `${roleName.replace(/[^A-Za-z0-9-]/g, "-").slice(0, 64)}-eas-needs-${fnv(JSON.stringify(doc))}`;
}

/** Attach a system policy that covers every denied need, or a policy scoped to exactly them. */
function coverFixes(f: DiagnosisFacts, denied: NeedResult[]): FixProposal[] {
  const roleName = f.use.roleName;
  if (f.use.roleMode !== "custom" || !roleName || !f.role?.exists) return [];
  // No Allow outweighs an explicit Deny: lifting the Deny is a decision for a person.
  if (denied.some((r) => r.denied?.decision === "ExplicitDeny")) return [];
  const own = f.role.policies;
  const needs = denied.map((r) => r.need);
  const fixes: FixProposal[] = (f.fixInputs?.coverPolicies ?? [])
    .filter((p) => !own.some((o) => o.name === p.name))
    .filter((p) => checkNeeds(needs, [...own, p]).every((r) => r.allowed))
    .map((p) => ({ id: `attach-policy:${p.name}`, kind: "attach-policy", roleName, policyName: p.name, policyType: "System" }));
  const document = scopedDocument(denied);
  fixes.push({ id: "scoped-policy", kind: "create-scoped-policy", roleName, policyName: scopedPolicyName(roleName, document), document });
  return fixes;
}

function needsFinding(f: DiagnosisFacts, denied: NeedResult[], withFixes: boolean): Finding | undefined {
  if (denied.length === 0) return undefined;
  const first = denied[0];
  const roleName = f.use.roleMode === "none" ? f.platformRole?.name : f.use.roleName;
  return {
    values: { role: roleName ?? "", target: first.need.target, action: first.denied!.action, resource: first.denied!.resource, count: denied.length },
    subject: roleName,
    detail: denied.map((r) => r.need.target),
    evidence: denied.map((r) => needEvidence(r, roleName)),
    fixes: withFixes ? coverFixes(f, denied) : [],
  };
}

export const mountDenied = (f: DiagnosisFacts) => needsFinding(f, deniedNeeds(f, MOUNT_KINDS), true);
export const imagePullDenied = (f: DiagnosisFacts) => needsFinding(f, deniedNeeds(f, IMAGE_KINDS), true);
/** Not a deployment failure (the code meets it later), but a need the role does not meet. */
export const codeAccessDenied = (f: DiagnosisFacts) => needsFinding(f, deniedNeeds(f, CODE_KINDS), false);
