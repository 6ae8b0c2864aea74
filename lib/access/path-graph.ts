import { EAS_SERVICE_PRINCIPAL } from "../policy/builders";
import type { TrustEdge, TrustGraph, TrustNode } from "../policy-view/trust-graph";
import { nodeId, type AccessPath } from "./types";

// Paths drawn as the trust graph is drawn (same nodes, same server-side layout): each principal,
// the roles a chain goes through, EAS for a pass-to-eas hop, and the role reached on the right.

/** The most principals drawn; the table beside the drawing lists every path. */
export const MAX_DRAWN_PATHS = 40;

export function buildPathsGraph(paths: AccessPath[], labels: { assume: string; pass: string }): TrustGraph {
  const nodes = new Map<string, TrustNode>();
  const edges = new Map<string, TrustEdge>();
  const add = (id: string, node: Omit<TrustNode, "id">) => void (nodes.has(id) || nodes.set(id, { id, ...node }));
  const link = (source: string, target: string, label: string) => {
    const id = `${source}->${target}`;
    if (!edges.has(id)) edges.set(id, { id, source, target, effect: "Allow", conditional: false, statementIndex: 0, label });
  };
  for (const p of paths.slice(0, MAX_DRAWN_PATHS)) {
    const start = nodeId.of(p.principal);
    add(start, { kind: p.principal.type, label: p.principal.name, isEas: false });
    let from = start;
    p.roles.forEach((role, i) => {
      const last = i === p.roles.length - 1;
      const to = nodeId.role(role);
      add(to, { kind: last ? "target" : "role", label: role, isEas: false });
      // Each hop into a role is drawn by how it was made: through EAS, or by AssumeRole.
      const viaEas = p.edges.some((e) => e.to === to && e.via === "ram:PassRole" && e.from === from);
      if (viaEas) {
        const eas = nodeId.service(EAS_SERVICE_PRINCIPAL);
        add(eas, { kind: "service", label: EAS_SERVICE_PRINCIPAL, isEas: true });
        link(from, eas, labels.pass);
        link(eas, to, labels.assume);
      } else {
        link(from, to, labels.assume);
      }
      from = to;
    });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
