import dagre from "@dagrejs/dagre";
import type { TrustGraph } from "./trust-graph";

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 44;

export interface Positioned {
  id: string;
  /** Top-left corner, as React Flow places nodes. */
  x: number;
  y: number;
}

/** Width of an edge label's character at the drawing's 11 px font, generously. */
const LABEL_CHAR_PX = 6.5;
const MIN_RANK_GAP = 110;

/** Left-to-right layered layout: principals on the left, the role on the right. */
export function layoutTrustGraph(graph: TrustGraph): { positions: Positioned[]; width: number; height: number } {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  // The gap between columns holds the longest edge label whole, so no label runs under a node.
  const longest = Math.max(0, ...graph.edges.map((e) => e.label?.length ?? 0));
  const ranksep = Math.max(MIN_RANK_GAP, Math.ceil(longest * LABEL_CHAR_PX) + 40);
  g.setGraph({ rankdir: "LR", nodesep: 14, ranksep, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of graph.edges) g.setEdge(e.source, e.target, {}, e.id);
  dagre.layout(g);
  const positions = graph.nodes.map((n) => {
    const p = g.node(n.id);
    return { id: n.id, x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 };
  });
  const label = g.graph();
  return { positions, width: label.width ?? 0, height: label.height ?? 0 };
}

/** Room around the drawing inside its box. */
const GRAPH_PADDING = 12;

/**
 * The box the graph is drawn in: the drawing's own size plus a margin, so it shows at full size
 * with no empty band around it and no node shrunk to fit an arbitrary height.
 */
export function graphBox(layout: { width: number; height: number }): { width: number; height: number } {
  return { width: Math.ceil(layout.width) + 2 * GRAPH_PADDING, height: Math.ceil(layout.height) + 2 * GRAPH_PADDING };
}
