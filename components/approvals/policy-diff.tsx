import type { JsonLine } from "@/lib/policy/json-lines";

const STYLE: Record<JsonLine["kind"], { sign: string; row: string }> = {
  same: { sign: " ", row: "" },
  add: { sign: "+", row: "bg-emerald-50 text-emerald-900" },
  del: { sign: "-", row: "bg-red-50 text-red-900" },
};

/** A line diff of two policy documents, as a preview shows what will change. */
export function PolicyDiff({ lines, label }: { lines: JsonLine[]; label: string }) {
  return (
    <pre aria-label={label} tabIndex={0} className="max-h-[24rem] overflow-auto rounded border border-slate-200 bg-slate-50 py-1 font-mono text-xs leading-5 text-slate-800" data-testid="policy-diff">
      <code>
        {lines.map((l, i) => (
          <span key={i} data-kind={l.kind} className={`flex ${STYLE[l.kind].row}`}>
            <span aria-hidden className="w-6 shrink-0 select-none text-center text-slate-600">{STYLE[l.kind].sign}</span>
            <span className="whitespace-pre pr-3">{l.text}</span>
          </span>
        ))}
      </code>
    </pre>
  );
}
