import { getTranslations } from "next-intl/server";
import type { LintFinding, LintSeverity } from "@/lib/policy/types";
import { lineAnchor, policyLines, statementAnchor } from "@/lib/policy-view/policy-lines";
import { SEVERITY_RANK, severityLine } from "./severity";

// A stored policy document, pretty-printed with line numbers; statements and lines are anchors
// (`#<prefix>-s<index>`, `#<prefix>-L<line>`), and lines a lint finding points at are tinted.
export async function PolicyJson({ prefix, name, raw, findings }: { prefix: string; name: string; raw: string; findings: LintFinding[] }) {
  const t = await getTranslations("policy.json");
  const view = policyLines(raw, findings);
  const worst = new Map<number, LintSeverity>();
  const counts = new Map<number, number>();
  view.findingRanges.forEach((range, i) => {
    if (!range) return;
    const sev = findings[i].severity;
    for (let l = range.start; l <= range.end; l++) {
      const prev = worst.get(l);
      if (!prev || SEVERITY_RANK[sev] < SEVERITY_RANK[prev]) worst.set(l, sev);
    }
    counts.set(range.start, (counts.get(range.start) ?? 0) + 1);
  });
  const statementAt = new Map([...view.statementStarts].map(([index, line]) => [line, index]));
  return (
    <figure className="min-w-0">
      {!view.json && <figcaption className="mb-1 text-xs text-amber-800">{t("unreadable")}</figcaption>}
      <pre
        aria-label={t("label", { name })}
        tabIndex={0}
        className="max-h-[28rem] overflow-auto rounded border border-slate-200 bg-slate-50 py-1 font-mono text-xs leading-5 text-slate-800"
      >
        <code>
          {view.lines.map((line, i) => {
            const sev = worst.get(i);
            const statement = statementAt.get(i);
            const n = counts.get(i);
            return (
              <span
                key={i}
                id={statement !== undefined ? statementAnchor(prefix, statement) : undefined}
                data-lint={sev}
                className={`flex scroll-mt-24 border-l-2 target:bg-sky-100 ${sev ? severityLine[sev] : "border-l-transparent"}`}
              >
                <span id={lineAnchor(prefix, i)} aria-hidden className="w-9 shrink-0 scroll-mt-24 select-none pr-2 text-right text-slate-500">
                  {i + 1}
                </span>
                <span className="whitespace-pre pr-3">{line}</span>
                {n !== undefined && <span className="sr-only">{t("findingOnLine", { count: n })}</span>}
              </span>
            );
          })}
        </code>
      </pre>
    </figure>
  );
}
