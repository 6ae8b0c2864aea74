import { evaluate } from "../policy/evaluate";
import type { AccessGraph } from "./graph";
import { pathsToRole } from "./paths";
import type { AccessPath, PrincipalRef, StatementRef } from "./types";

// Who may perform an action on a resource: each principal whose own policies allow it, and each
// principal that may act as a role whose policies allow it, with the path to that role.

export type Reach =
  | { principal: PrincipalRef; via: "direct"; statements: StatementRef[] }
  | { principal: PrincipalRef; via: "role"; role: string; statements: StatementRef[]; path: AccessPath };

export function whoCan(graph: AccessGraph, action: string, resource: string): Reach[] {
  const context = { "acs:CurrentTime": graph.now.toISOString() };
  const out: Reach[] = [];
  for (const p of graph.principals) {
    const d = evaluate({ principal: p.as, action, resource, context }, p.policies);
    if (d.decision !== "Allow") continue;
    const statements = d.matched.map((m) => ({ policy: m.policy, statementIndex: m.statementIndex, ...(p.fromGroup[m.policy] ? { group: p.fromGroup[m.policy] } : {}) }));
    out.push({ principal: p.ref, via: "direct", statements });
    if (p.ref.type !== "role") continue;
    for (const path of pathsToRole(graph, p.ref.name)) out.push({ principal: path.principal, via: "role", role: p.ref.name, statements, path });
  }
  return out.sort(
    (a, b) =>
      a.principal.type.localeCompare(b.principal.type) ||
      a.principal.name.localeCompare(b.principal.name) ||
      (a.via === "direct" ? -1 : b.via === "direct" ? 1 : a.role.localeCompare(b.role)),
  );
}
