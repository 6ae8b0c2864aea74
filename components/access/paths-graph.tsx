import { getTranslations } from "next-intl/server";
import { TrustGraph } from "@/components/role-detail/trust-graph";
import { buildPathsGraph, MAX_DRAWN_PATHS } from "@/lib/access/path-graph";
import type { AccessPath } from "@/lib/access/types";
import type { TrustNode } from "@/lib/policy-view/trust-graph";
import { graphBox, layoutTrustGraph, NODE_HEIGHT, NODE_WIDTH } from "@/lib/policy-view/trust-layout";

/** The paths drawn left to right into the role; laid out here, so the browser gets positions only. */
export async function PathsGraph({ paths }: { paths: AccessPath[] }) {
  const t = await getTranslations("access.paths");
  const tr = await getTranslations("role-detail");
  const tp = await getTranslations("policy");
  const graph = buildPathsGraph(paths, { assume: t("edgeAssume"), pass: t("edgePass") });
  const layout = layoutTrustGraph(graph);
  const box = graphBox(layout);
  const kinds: TrustNode["kind"][] = ["service", "account", "user", "role", "federated", "target"];
  const kindLabels = Object.fromEntries(kinds.map((k) => [k, tr(`kind.${k}`)])) as Record<TrustNode["kind"], string>;
  return (
    <div data-testid="access-graph">
      <TrustGraph
        nodes={graph.nodes}
        edges={graph.edges}
        positions={layout.positions}
        nodeSize={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
        width={box.width}
        height={box.height}
        kindLabels={kindLabels}
        easLabel={tr("easPrincipal")}
        conditionLabel={tr("conditional")}
        denyLabel={tp("effect.Deny")}
      />
      {paths.length > MAX_DRAWN_PATHS && <p className="mt-1 text-xs text-slate-600">{t("drawnSome", { shown: MAX_DRAWN_PATHS, total: paths.length })}</p>}
    </div>
  );
}
