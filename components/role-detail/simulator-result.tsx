"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { policyAnchor, statementAnchor } from "@/lib/policy-view/policy-lines";
import type { EvaluationResult } from "@/lib/policy/types";

const tone = { Allow: "success", ExplicitDeny: "danger", ImplicitDeny: "danger" } as const;

export function SimulatorResult({ result, without = [] }: { result: EvaluationResult | undefined; without?: string[] }) {
  const t = useTranslations("policy");
  return (
    <div role="status" aria-live="polite" className="min-w-0 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
      <h3 className="mb-2 text-xs font-medium text-slate-600">{t("simulator.result")}</h3>
      {!result ? (
        <p className="text-slate-600">{t("simulator.noResult")}</p>
      ) : (
        <div className="space-y-2" data-testid="sim-result" data-decision={result.decision} data-depends={result.dependsOnMissingKeys ? "true" : undefined}>
          {result.dependsOnMissingKeys ? (
            <>
              <Badge tone="warning" dot>
                <span data-testid="sim-decision">{t("simulator.depends")}</span>
              </Badge>
              <p className="text-xs text-slate-600">{t("simulator.dependsText", { decision: t(`decision.${result.decision}`) })}</p>
            </>
          ) : (
            <Badge tone={tone[result.decision]} dot>
              <span data-testid="sim-decision">{t(`decision.${result.decision}`)}</span>
            </Badge>
          )}
          {without.length > 0 && <p className="text-xs text-slate-600" data-testid="sim-without-note">{t("simulator.withoutNote", { policies: without.join(", ") })}</p>}
          {result.matched.length > 0 ? (
            <div>
              <p className="text-xs text-slate-600">{t("simulator.decidedBy")}</p>
              <ul className="mt-0.5 space-y-0.5" data-testid="sim-statements">
                {result.matched.map((m) => (
                  <li key={`${m.policy}-${m.statementIndex}`}>
                    <a className="font-mono text-xs text-blue-700 hover:underline" href={`#${statementAnchor(policyAnchor(m.policy), m.statementIndex)}`}>
                      {t("simulator.statementRef", { policy: m.policy, index: m.statementIndex })}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-xs text-slate-600">{t("simulator.noStatement")}</p>
          )}
          {result.missingContextKeys.length > 0 && (
            <div>
              <p className="text-xs text-slate-600">{t("simulator.missingKeys")}</p>
              <ul className="mt-0.5 flex flex-wrap gap-1" data-testid="sim-missing">
                {result.missingContextKeys.map((k) => (
                  <li key={k} className="rounded bg-amber-100 px-1.5 py-0.5 font-mono text-xs text-amber-900">{k}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
