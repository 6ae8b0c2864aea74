"use client";

import { useTranslations } from "next-intl";
import type { PlanPreview } from "@/lib/writes/plan";
import { Badge } from "@/components/ui/badge";
import { Snippet } from "./snippet";

const asDocument = (v: unknown): string | undefined => {
  if (typeof v !== "string" || !/^\s*[{[]/.test(v)) return undefined;
  try {
    return `${JSON.stringify(JSON.parse(v), null, 2)}\n`;
  } catch {
    return undefined;
  }
};

/** Every cloud call a plan would make, in order, with its parameters and each document in full. */
export function PlanPreviewList({ preview }: { preview: PlanPreview }) {
  const t = useTranslations("wizard.preview");
  return (
    <ol className="space-y-3" aria-label={t("callsLabel")}>
      {preview.steps.map((s, i) => {
        const plain = Object.entries(s.params).filter(([, v]) => asDocument(v) === undefined);
        const docs = Object.entries(s.params).flatMap(([k, v]) => {
          const d = asDocument(v);
          return d ? [[k, d] as const] : [];
        });
        return (
          <li key={s.id} className="rounded border border-slate-200 bg-white p-3" data-testid={`call-${s.id}`}>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="text-xs text-slate-500">{t("callN", { n: i + 1, total: preview.steps.length })}</span>
              <Badge tone="neutral">{s.service}</Badge>
              <code className="font-mono font-semibold text-slate-900">{s.operation}</code>
              <span className="text-slate-600">{s.target}</span>
            </div>
            {plain.length > 0 && (
              <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 font-mono text-xs">
                {plain.map(([k, v]) => (
                  <div key={k} className="contents">
                    <dt className="text-slate-500">{k}</dt>
                    <dd className="break-all text-slate-900">{String(v)}</dd>
                  </div>
                ))}
              </dl>
            )}
            {docs.map(([k, d]) => (
              <div key={k} className="mt-2">
                <Snippet title={t("document", { param: k, operation: s.operation })} value={d} />
              </div>
            ))}
            {s.change && (
              <p className="mt-2 text-xs text-slate-600">{t("replaces")}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
