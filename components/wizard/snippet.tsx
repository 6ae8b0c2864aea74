"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

/** One output to paste somewhere: a title, what it is for, the text, and a copy button. */
export function Snippet({ title, value, note, testId }: { title: string; value: string; note?: ReactNode; testId?: string }) {
  const t = useTranslations("wizard");
  return (
    <figure className="space-y-1.5" data-testid={testId}>
      <figcaption className="flex items-center justify-between gap-3">
        <span className="text-sm font-medium text-slate-900">{title}</span>
        <CopyButton value={value} label={t("copyLabel", { what: title })} />
      </figcaption>
      {note && <div className="text-xs text-slate-600">{note}</div>}
      {/* Wrapped, never scrolled inside: what is pasted must be seen to its last line and column. */}
      <pre tabIndex={0} aria-label={title} className="whitespace-pre-wrap [overflow-wrap:anywhere] rounded border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs leading-5 text-slate-800 focus-visible:outline-2 focus-visible:outline-blue-600">
        <code>{value}</code>
      </pre>
    </figure>
  );
}
