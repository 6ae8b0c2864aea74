import { useMemo } from "react";
import { Background, Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import type { TrustEdge, TrustNode } from "@/lib/policy-view/trust-graph";
import type { Positioned } from "@/lib/policy-view/trust-layout";

// A mapped copy: React Flow wants node data as a plain record type, which an interface is not.
type PrincipalData = { [K in keyof TrustNode]: TrustNode[K] } & { kindLabel: string; easLabel: string; width: number; height: number };

function PrincipalNode({ data }: NodeProps<Node<PrincipalData>>) {
  const target = data.kind === "target";
  const frame = target
    ? "border-slate-800 bg-slate-800 text-white"
    : data.isEas
      ? "border-blue-600 bg-blue-50 text-slate-900 ring-2 ring-blue-600/30"
      : "border-slate-300 bg-white text-slate-900";
  return (
    <div style={{ width: data.width, height: data.height }} className={`flex flex-col justify-center rounded border px-2.5 ${frame}`}>
      {/* A service can be both ends: access paths run principal → EAS → role. */}
      {!target && <Handle type="source" position={Position.Right} isConnectable={false} className="!opacity-0" />}
      {(target || data.kind === "service") && <Handle type="target" position={Position.Left} isConnectable={false} className="!opacity-0" />}
      <span className={`flex items-center gap-1.5 text-[10px] uppercase tracking-wide ${target ? "text-slate-300" : "text-slate-500"}`}>
        {data.kindLabel}
        {data.isEas && <span className="rounded bg-blue-600 px-1 text-[9px] font-semibold text-white">{data.easLabel}</span>}
      </span>
      <span className="truncate font-mono text-xs" title={data.id}>
        {data.label}
      </span>
    </div>
  );
}

const nodeTypes = { principal: PrincipalNode };

/**
 * The trust policy drawn for sighted readers: principals → role, Deny edges red and dashed,
 * conditional edges labelled. The principal list beside it carries the same facts for everyone.
 */
export function TrustGraphView({
  nodes,
  edges,
  positions,
  nodeSize,
  height,
  kindLabels,
  easLabel,
  conditionLabel,
  denyLabel,
}: {
  nodes: TrustNode[];
  edges: TrustEdge[];
  positions: Positioned[];
  /** The size the server-side layout gave each node. */
  nodeSize: { width: number; height: number };
  height: number;
  kindLabels: Record<TrustNode["kind"], string>;
  easLabel: string;
  conditionLabel: string;
  denyLabel: string;
}) {
  const flowNodes = useMemo<Node<PrincipalData>[]>(() => {
    const at = new Map(positions.map((p) => [p.id, p]));
    return nodes.map((n) => ({
      id: n.id,
      type: "principal",
      position: { x: at.get(n.id)?.x ?? 0, y: at.get(n.id)?.y ?? 0 },
      data: { ...n, kindLabel: kindLabels[n.kind], easLabel, ...nodeSize },
      className: n.isEas ? "eas-principal" : undefined,
    }));
  }, [nodes, positions, kindLabels, easLabel, nodeSize]);

  const flowEdges = useMemo<Edge[]>(
    () =>
      edges.map((e) => {
        const deny = e.effect === "Deny";
        const stroke = deny ? "#dc2626" : e.conditional ? "#b45309" : "#64748b";
        const label = [e.label, deny ? denyLabel : undefined, e.conditional ? conditionLabel : undefined].filter(Boolean).join(" · ");
        return {
          id: e.id,
          source: e.source,
          target: e.target,
          className: deny ? "trust-edge-deny" : e.conditional ? "trust-edge-conditional" : "trust-edge-allow",
          style: { stroke, strokeWidth: 1.5, strokeDasharray: deny ? "6 4" : e.conditional ? "2 3" : undefined },
          markerEnd: { type: MarkerType.ArrowClosed, color: stroke, width: 16, height: 16 },
          label: label || undefined,
          labelStyle: { fontSize: 10, fill: stroke },
          labelBgStyle: { fill: "#fff" },
        };
      }),
    [edges, conditionLabel, denyLabel],
  );

  return (
    <div aria-hidden="true" style={{ height }}>
      <ReactFlow
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={{ padding: 0.02, maxZoom: 1 }}
        minZoom={0.3}
        maxZoom={1.5}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        zoomOnScroll={false}
        preventScrolling={false}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} size={1} color="#e2e8f0" />
      </ReactFlow>
    </div>
  );
}
