import { roleKey } from "../policy/role-identity";
import type { AccessGraph, DirectEdge } from "./graph";
import type { AccessPath, PathEdge } from "./types";

// Every principal that may act as a role, each by its shortest way: directly (assume, pass to
// EAS) or through roles that may act as it (chain). Roles already on the way are not visited
// again, so a cycle of roles trusting each other ends; chains stop at MAX_HOPS.

const MAX_HOPS = 4;

// The edge whose removal costs least besides this path: a PassRole or a trust entry names this
// role alone, while an sts:AssumeRole or eas:CreateService grant is often shared with others.
const CUT_ORDER: PathEdge["via"][] = ["ram:PassRole", "trust", "sts:AssumeRole", "eas:CreateService", "eas:UpdateService"];

function rank(e: PathEdge): number {
  // The service's side of a trust (EAS may assume the role) is every EAS service's: cut it last.
  const shared = e.via === "trust" && e.from.startsWith("service:") ? CUT_ORDER.length : 0;
  return CUT_ORDER.indexOf(e.via) + shared + (e.statements.length > 1 ? 10 : 0);
}

// The cut is taken from the first hop, the one that belongs to this principal alone; it depends
// on that hop only, so each hop's is worked out once however many paths start with it.
const cuts = new WeakMap<DirectEdge, AccessPath["cut"]>();
function cutOf(hop: DirectEdge): AccessPath["cut"] {
  let cut = cuts.get(hop);
  if (!cut) {
    let best = 0;
    for (let i = 1; i < hop.edges.length; i++) if (rank(hop.edges[i]) < rank(hop.edges[best])) best = i;
    cut = { ...hop.edges[best], edge: best };
    cuts.set(hop, cut);
  }
  return cut;
}

function toPath(graph: AccessGraph, hops: DirectEdge[]): AccessPath {
  return {
    principal: graph.principals[hops[0].from].ref,
    kind: hops.length > 1 ? "chain" : hops[0].kind,
    roles: hops.map((h) => graph.roles[h.role].name),
    edges: hops.length === 1 ? hops[0].edges : hops.flatMap((h) => h.edges),
    cut: cutOf(hops[0]),
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const order = (a: AccessPath, b: AccessPath) => cmp(a.principal.type, b.principal.type) || cmp(a.principal.name, b.principal.name) || cmp(a.kind, b.kind);

/** Who may act as the role, and how; empty for a role the graph does not hold. */
export function pathsToRole(graph: AccessGraph, roleName: string, maxHops = MAX_HOPS): AccessPath[] {
  const r = graph.roleIndex.get(roleKey(roleName));
  if (r === undefined) return [];
  const direct = graph.inbound.get(roleKey(roleName)) ?? [];
  const paths = direct.map((h) => toPath(graph, [h]));
  const seen = new Set<number>([graph.roles[r].principal, ...direct.map((h) => h.from)]);
  // Breadth first, so that each principal gets its shortest chain.
  let frontier: DirectEdge[][] = direct.filter((h) => graph.principals[h.from].ref.type === "role").map((h) => [h]);
  for (let depth = 1; depth < maxHops && frontier.length > 0; depth++) {
    const next: DirectEdge[][] = [];
    for (const chain of frontier) {
      const via = graph.principals[chain[0].from].ref.name;
      for (const h of graph.inbound.get(roleKey(via)) ?? []) {
        if (seen.has(h.from)) continue;
        seen.add(h.from);
        const longer = [h, ...chain];
        paths.push(toPath(graph, longer));
        if (graph.principals[h.from].ref.type === "role") next.push(longer);
      }
    }
    frontier = next;
  }
  return paths.sort(order);
}

/** A path's identity for comparing two graphs: who, how, and through which roles. */
export function pathKey(p: AccessPath): string {
  return `${p.principal.type}:${p.principal.name}|${p.kind}|${p.roles.map(roleKey).join(">")}`;
}
