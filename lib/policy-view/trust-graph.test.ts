import { describe, expect, it } from "vitest";
import { trustedPrincipals } from "../policy";
import type { PolicyDocument } from "../policy/types";
import { buildTrustGraph, classifyPrincipal, targetNodeId } from "./trust-graph";
import { graphBox, layoutTrustGraph, NODE_HEIGHT, NODE_WIDTH } from "./trust-layout";

const trust: PolicyDocument = {
  Version: "1",
  Statement: [
    { Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { RAM: ["acs:ram::1234:root"], Service: ["eas.pai.aliyuncs.com"] } },
    { Effect: "Deny", Action: ["sts:AssumeRole"], Principal: { RAM: ["acs:ram::1234:user/mallory"] } },
    { Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Federated: ["acs:ram::1234:saml-provider/okta"] }, Condition: { StringEquals: { "saml:recipient": ["x"] } } },
  ],
};

describe("buildTrustGraph", () => {
  const g = buildTrustGraph("data-pipeline", trustedPrincipals(trust));

  it("draws one node per principal plus the role, EAS marked", () => {
    expect(g.nodes.map((n) => [n.id, n.kind])).toEqual([
      [targetNodeId("data-pipeline"), "target"],
      ["eas.pai.aliyuncs.com", "service"],
      ["acs:ram::1234:root", "account"],
      ["acs:ram::1234:user/mallory", "user"],
      ["acs:ram::1234:saml-provider/okta", "federated"],
    ]);
    expect(g.nodes.filter((n) => n.isEas).map((n) => n.id)).toEqual(["eas.pai.aliyuncs.com"]);
  });

  it("keeps Deny and conditional edges distinguishable", () => {
    const edge = (src: string) => g.edges.find((e) => e.source === src)!;
    expect(edge("acs:ram::1234:user/mallory")).toMatchObject({ effect: "Deny", statementIndex: 1, conditional: false });
    expect(edge("acs:ram::1234:saml-provider/okta")).toMatchObject({ effect: "Allow", conditional: true });
    expect(g.edges.every((e) => e.target === targetNodeId("data-pipeline"))).toBe(true);
  });

  it("labels principals by what they name", () => {
    expect(classifyPrincipal({ kind: "RAM", value: "acs:ram::1234:role/ops" })).toEqual({ kind: "role", label: "ops", account: "1234" });
    expect(classifyPrincipal({ kind: "RAM", value: "acs:ram::1234:root" })).toEqual({ kind: "account", label: "1234", account: "1234" });
    expect(classifyPrincipal({ kind: "RAM", value: "5678" })).toEqual({ kind: "account", label: "5678", account: "5678" });
  });

  it("lays principals out to the left of the role, without overlap", () => {
    const { positions } = layoutTrustGraph(g);
    const at = new Map(positions.map((p) => [p.id, p]));
    const role = at.get(targetNodeId("data-pipeline"))!;
    for (const n of g.nodes.filter((n) => n.kind !== "target")) expect(at.get(n.id)!.x + NODE_WIDTH).toBeLessThan(role.x);
    const ys = positions.filter((p) => p.id !== role.id).map((p) => p.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(44);
  });

  it("draws in a box of the drawing's own size: every node at full size, no empty band", () => {
    for (const count of [1, 3, 12]) {
      const doc: PolicyDocument = { Version: "1", Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: Array.from({ length: count }, (_, i) => `svc${i}.aliyuncs.com`) } }] };
      const graph = buildTrustGraph("r", trustedPrincipals(doc));
      const layout = layoutTrustGraph(graph);
      const box = graphBox(layout);
      const right = Math.max(...layout.positions.map((p) => p.x + NODE_WIDTH));
      const bottom = Math.max(...layout.positions.map((p) => p.y + NODE_HEIGHT));
      expect(box.width).toBeGreaterThanOrEqual(right);
      expect(box.height).toBeGreaterThanOrEqual(bottom);
      expect(box.height - bottom).toBeLessThanOrEqual(40);
      expect(box.width - right).toBeLessThanOrEqual(40);
    }
  });

  it("leaves room between columns for the longest edge label, so no label runs under a node", () => {
    const label = "PassRole + CreateService";
    const graph = { nodes: [{ id: "u", kind: "user" as const, label: "carol", isEas: false }, { id: "t", kind: "target" as const, label: "r", isEas: false }], edges: [{ id: "e", source: "u", target: "t", effect: "Allow" as const, conditional: false, statementIndex: 0, label }] };
    const { positions } = layoutTrustGraph(graph);
    const at = new Map(positions.map((p) => [p.id, p]));
    expect(at.get("t")!.x - (at.get("u")!.x + NODE_WIDTH)).toBeGreaterThanOrEqual(label.length * 6.5);
  });
});
