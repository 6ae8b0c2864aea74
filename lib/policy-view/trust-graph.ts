import { EAS_SERVICE_PRINCIPAL } from "../policy/builders";
import type { TrustedPrincipal } from "../policy/trust";
import type { Effect } from "../policy/types";

// The trust policy as a graph: one node per trusted principal, one node for the role, and one
// edge per (principal, statement). Pure, so the same model feeds the drawing, the text list and tests.

export type PrincipalNodeKind = "service" | "account" | "user" | "role" | "federated";

export interface TrustNode {
  /** The principal as written (`eas.pai.aliyuncs.com`, `acs:ram::123:root`); the role is `role:<name>`. */
  id: string;
  kind: PrincipalNodeKind | "target";
  label: string;
  /** The account, for RAM principals. */
  account?: string;
  isEas: boolean;
}

export interface TrustEdge {
  id: string;
  source: string;
  target: string;
  effect: Effect;
  conditional: boolean;
  statementIndex: number;
  /** What the edge means, when the graph says more than trust (access paths: "AssumeRole", "PassRole"). */
  label?: string;
}

export interface TrustGraph {
  nodes: TrustNode[];
  edges: TrustEdge[];
}

const RAM_ARN = /^acs:ram::([^:]*):(root|user\/(.+)|role\/(.+)|saml-provider\/(.+)|oidc-provider\/(.+))$/;

/** What a principal value names, and a short label for it. */
export function classifyPrincipal(p: Pick<TrustedPrincipal, "kind" | "value">): { kind: PrincipalNodeKind; label: string; account?: string } {
  if (p.kind === "Service") return { kind: "service", label: p.value };
  const m = RAM_ARN.exec(p.value);
  if (p.kind === "Federated") return { kind: "federated", label: m?.[5] ?? m?.[6] ?? p.value, account: m?.[1] };
  if (!m) return /^\d+$/.test(p.value) ? { kind: "account", label: p.value, account: p.value } : { kind: "account", label: p.value };
  if (m[2] === "root") return { kind: "account", label: m[1], account: m[1] };
  if (m[3]) return { kind: "user", label: m[3], account: m[1] };
  if (m[4]) return { kind: "role", label: m[4], account: m[1] };
  return { kind: "federated", label: m[5] ?? m[6] ?? p.value, account: m[1] };
}

export const targetNodeId = (roleName: string) => `role:${roleName}`;

export function buildTrustGraph(roleName: string, principals: TrustedPrincipal[]): TrustGraph {
  const target = targetNodeId(roleName);
  const nodes = new Map<string, TrustNode>([[target, { id: target, kind: "target", label: roleName, isEas: false }]]);
  const edges = new Map<string, TrustEdge>();
  for (const p of principals) {
    if (!nodes.has(p.value)) {
      nodes.set(p.value, { id: p.value, ...classifyPrincipal(p), isEas: p.kind === "Service" && p.value === EAS_SERVICE_PRINCIPAL });
    }
    const id = `${p.value}->${p.statementIndex}:${p.effect}`;
    const prev = edges.get(id);
    if (prev) prev.conditional ||= p.conditional;
    else edges.set(id, { id, source: p.value, target, effect: p.effect, conditional: p.conditional, statementIndex: p.statementIndex });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
