import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { PolicyJson } from "@/components/policy/policy-json";
import type { RoleDetail } from "@/lib/inventory/role-detail";
import { statementAnchor, TRUST_ANCHOR } from "@/lib/policy-view/policy-lines";
import { buildTrustGraph, type TrustNode } from "@/lib/policy-view/trust-graph";
import { graphBox, layoutTrustGraph, NODE_HEIGHT, NODE_WIDTH } from "@/lib/policy-view/trust-layout";
import { TrustGraph } from "./trust-graph";
import { easAssumeTone } from "@/components/roles/eas-assume-tone";

export async function TrustSection({ detail }: { detail: RoleDetail }) {
  const t = await getTranslations("role-detail");
  const tp = await getTranslations("policy");
  const { trust, role } = detail;
  // Layout runs here, so the browser gets positions and not the layout engine.
  const graph = buildTrustGraph(role.roleName, trust.principals);
  const layout = layoutTrustGraph(graph);
  const box = graphBox(layout);
  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
  const kinds: TrustNode["kind"][] = ["service", "account", "user", "role", "federated", "target"];
  const kindLabels = Object.fromEntries(kinds.map((k) => [k, t(`kind.${k}`)])) as Record<TrustNode["kind"], string>;

  return (
    <div id="trust" className="scroll-mt-12">
      <Panel id="trust-panel" title={t("trust")} actions={<Badge tone={easAssumeTone(trust.easCanAssume)} dot>{trust.easCanAssume ? t("easYes") : t("easNo")}</Badge>}>
        {trust.parseErrors.length > 0 && (
          <p role="alert" className="mb-3 text-sm text-red-800">{t("trustUnreadable", { errors: trust.parseErrors.map((e) => e.message).join("; ") })}</p>
        )}
        <div className="grid gap-4 xl:grid-cols-[fit-content(50%)_minmax(0,1fr)]">
          <div className="min-w-0">
            <h3 className="mb-1.5 text-xs font-medium text-slate-600">{t("trustGraph", { name: role.roleName })}</h3>
            <TrustGraph
              nodes={graph.nodes}
              edges={graph.edges}
              positions={layout.positions}
              nodeSize={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
              height={box.height}
              width={box.width}
              kindLabels={kindLabels}
              easLabel={t("easPrincipal")}
              conditionLabel={t("conditional")}
              denyLabel={tp("effect.Deny")}
            />
          </div>
          <div className="min-w-0 space-y-3">
            <div>
              <h3 className="mb-1.5 text-xs font-medium text-slate-600">{t("principals")}</h3>
              {trust.principals.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noPrincipals")}</p>
              ) : (
                <Table aria-label={t("principals")} data-testid="trust-principals">
                  <THead>
                    <tr>
                      <TH>{t("principalKind")}</TH>
                      <TH>{t("principal")}</TH>
                      <TH>{t("effect")}</TH>
                      <TH>{t("statement")}</TH>
                    </tr>
                  </THead>
                  <tbody>
                    {trust.principals.map((p, i) => {
                      const node = nodeById.get(p.value);
                      return (
                        <TR key={`${p.value}-${p.statementIndex}-${i}`} data-principal={p.value}>
                          <TD className="whitespace-nowrap text-xs text-slate-600">{node ? kindLabels[node.kind] : p.kind}</TD>
                          <TD className="break-all font-mono text-xs">
                            {p.value}
                            {node?.isEas && <span className="ml-1.5"><Badge tone="info">{t("easPrincipal")}</Badge></span>}
                            {p.conditional && <span className="ml-1.5"><Badge tone="warning">{t("conditional")}</Badge></span>}
                          </TD>
                          <TD><Badge tone={p.effect === "Allow" ? "success" : "danger"}>{tp(`effect.${p.effect}`)}</Badge></TD>
                          <TD className="text-xs">
                            <a className="text-blue-700 hover:underline" href={`#${statementAnchor(TRUST_ANCHOR, p.statementIndex)}`}>
                              {p.statementIndex}
                            </a>
                          </TD>
                        </TR>
                      );
                    })}
                  </tbody>
                </Table>
              )}
            </div>
            <div id={TRUST_ANCHOR} className="scroll-mt-24">
              <h3 className="mb-1.5 text-xs font-medium text-slate-600">{t("trustDocument")}</h3>
              <PolicyJson prefix={TRUST_ANCHOR} name={t("trustDocumentName")} raw={trust.raw} findings={trust.lint} />
            </div>
          </div>
        </div>
      </Panel>
    </div>
  );
}
