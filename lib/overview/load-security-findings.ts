import { requirePermission, type Actor } from "../actor";
import { mapLimit } from "../async/pool";
import type { AttachedPolicy, PolicyType } from "../cloud/types";
import { tags } from "../inventory/cache-tags";
import type { InventoryDeps } from "../inventory/deps";
import { fetchGroupPolicies, fetchGroups, fetchPolicy, fetchRole, fetchRolePolicies, fetchRoles, fetchUserPolicies, fetchUsers } from "../inventory/fetch";
import { lintPolicy } from "../policy";
import type { LintSeverity, LintValues } from "../policy/types";
import { staleWhileRevalidate } from "../inventory/stale-while-revalidate";

// The overview's security warnings: lint findings of every role's trust policy and of every
// permission policy attached to a role, a RAM user or a group. Each read is one of the cached
// fetchers the roles list and the role pages use, and each distinct policy is linted once.

const FAN_OUT = 8;
/** Suggestions change nothing about access; a trust without EAS has its own panel. */
const SHOWN: readonly LintSeverity[] = ["error", "security-warning", "warning"];
const OWN_PANEL = new Set(["TRUST_MISSING_EAS"]);
const RANK: Record<LintSeverity, number> = { error: 0, "security-warning": 1, warning: 2, suggestion: 3 };

type Holder = { kind: "role" | "user" | "group"; name: string };

export interface SecurityFinding {
  /** A role's trust policy, or a permission policy by name. */
  document: { kind: "trust"; role: string } | { kind: "policy"; name: string; type: PolicyType };
  code: string;
  severity: LintSeverity;
  /** What the message is filled with: the page words it in the reader's language (lib/policy-view/lint-words). */
  values: LintValues;
  /** Where in the document (`Statement[0].Resource[0]`). */
  path: string;
  /** The role whose trust it is, or every role, user and group the policy is attached to. */
  attachedTo: Holder[];
  /** The policy's document, pretty-printed, when no role holds it (no role page shows it): the panel shows it itself. */
  documentText?: string;
}

const pretty = (json: string) => {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
};

const shown = (code: string, severity: LintSeverity) => SHOWN.includes(severity) && !OWN_PANEL.has(code);

async function buildFindings(deps: InventoryDeps): Promise<SecurityFinding[]> {
  const [roles, users, groups] = await Promise.all([fetchRoles(deps), fetchUsers(deps), fetchGroups(deps)]);
  const holders = new Map<string, { type: PolicyType; name: string; attachedTo: Holder[] }>();
  const hold = (holder: Holder) => (p: AttachedPolicy) => {
    const key = `${p.policyType}:${p.policyName}`;
    const entry = holders.get(key) ?? { type: p.policyType, name: p.policyName, attachedTo: [] };
    entry.attachedTo.push(holder);
    holders.set(key, entry);
  };
  const [trusts] = await Promise.all([
    mapLimit(roles, FAN_OUT, async (r) => {
      const [lookup, attached] = await Promise.all([fetchRole(deps, r.roleName), fetchRolePolicies(deps, r.roleName)]);
      attached.forEach(hold({ kind: "role", name: r.roleName }));
      return { role: r.roleName, doc: lookup.role?.assumeRolePolicyDocument };
    }),
    mapLimit(users, FAN_OUT, async (u) => (await fetchUserPolicies(deps, u.userName)).forEach(hold({ kind: "user", name: u.userName }))),
    mapLimit(groups, FAN_OUT, async (g) => (await fetchGroupPolicies(deps, g.groupName)).forEach(hold({ kind: "group", name: g.groupName }))),
  ]);

  const findings: SecurityFinding[] = [];
  for (const t of trusts) {
    if (t.doc === undefined) continue;
    for (const f of lintPolicy(t.doc, { kind: "trust" })) {
      if (shown(f.code, f.severity)) findings.push({ document: { kind: "trust", role: t.role }, ...f, attachedTo: [{ kind: "role", name: t.role }] });
    }
  }
  const policies = [...holders.values()];
  const docs = await mapLimit(policies, FAN_OUT, (p) => fetchPolicy(deps, p.name, p.type));
  policies.forEach((p, i) => {
    for (const f of lintPolicy(docs[i].policyDocument, { kind: "permission" })) {
      if (!shown(f.code, f.severity)) continue;
      const onRole = p.attachedTo.some((h) => h.kind === "role");
      findings.push({ document: { kind: "policy", name: p.name, type: p.type }, ...f, attachedTo: p.attachedTo, ...(onRole ? {} : { documentText: pretty(docs[i].policyDocument) }) });
    }
  });
  const nameOf = (f: SecurityFinding) => (f.document.kind === "trust" ? f.document.role : f.document.name);
  return findings.sort((a, b) => RANK[a.severity] - RANK[b.severity] || nameOf(a).localeCompare(nameOf(b), "en") || a.path.localeCompare(b.path, "en"));
}

/** Every security warning lint finds in the account's roles and policies, cached as one aggregate. */
export async function loadSecurityFindings(deps: InventoryDeps, actor: Actor): Promise<{ findings: SecurityFinding[]; fetchedAt: number }> {
  requirePermission(actor, "inventory:read");
  const { value, fetchedAt } = await staleWhileRevalidate(deps, "inv:security-findings", () => buildFindings(deps), [tags.ramAggregate]);
  return { findings: value, fetchedAt };
}
