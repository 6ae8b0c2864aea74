import { getTranslations } from "next-intl/server";
import { JsonView, type JsonLine } from "@/components/ui/json-view";
import type { LintFinding, LintSeverity } from "@/lib/policy/types";
import { lineAnchor, policyLines, statementAnchor } from "@/lib/policy-view/policy-lines";
import { SEVERITY_RANK, severityLine } from "./severity";

// A stored policy document, pretty-printed with line numbers; statements and lines are anchors
// (`#<prefix>-s<index>`, `#<prefix>-L<line>`), and lines a lint finding points at are tinted.
export async function PolicyJson({ prefix, name, raw, findings }: { prefix: string; name: string; raw: string; findings: LintFinding[] }) {
  const t = await getTranslations("policy.json");
  const tc = await getTranslations("common");
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
  const lines = new Map<number, JsonLine>();
  view.lines.forEach((_, i) => {
    const sev = worst.get(i);
    const statement = statementAt.get(i);
    const n = counts.get(i);
    lines.set(i, {
      id: statement !== undefined ? statementAnchor(prefix, statement) : undefined,
      numberId: lineAnchor(prefix, i),
      tint: sev ? severityLine[sev] : undefined,
      data: sev ? { "data-lint": sev } : undefined,
      note: n !== undefined ? t("findingOnLine", { count: n }) : undefined,
    });
  });
  return (
    <JsonView
      json={view.lines.join("\n")}
      label={t("label", { name })}
      copyLabel={tc("copyNamed", { name })}
      lines={lines}
      caption={view.json ? undefined : t("unreadable")}
    />
  );
}
