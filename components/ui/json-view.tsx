import type { ReactNode } from "react";

// Light syntax colouring for pretty-printed JSON: keys, strings, and literals.
const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

function colour(line: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of line.matchAll(TOKEN)) {
    if (m.index > last) out.push(line.slice(last, m.index));
    const cls = m[1] ? (m[2] ? "text-sky-800" : "text-emerald-800") : m[3] ? "text-violet-700" : "text-amber-800";
    out.push(
      <span key={m.index} className={cls}>
        {m[1] ?? m[0]}
      </span>,
    );
    if (m[2]) out.push(m[2]);
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push(line.slice(last));
  return out;
}

/** JSON with line numbers; `marked` lines are highlighted and labelled for screen readers too. */
export function JsonView({ json, marked, markLabel, label }: { json: string; marked?: Map<number, string>; markLabel?: string; label: string }) {
  const lines = json.split("\n");
  return (
    <pre aria-label={label} tabIndex={0} className="max-h-[28rem] overflow-auto rounded border border-slate-200 bg-slate-50 py-2 font-mono text-xs leading-5 focus-visible:outline-2 focus-visible:outline-blue-600">
      <code>
        {lines.map((line, i) => {
          const mark = marked?.get(i);
          return (
            <div key={i} className={`flex ${mark ? "bg-amber-100" : ""}`} data-ram-field={mark}>
              <span aria-hidden className={`w-10 shrink-0 select-none pr-3 text-right ${mark ? "text-amber-950" : "text-slate-600"}`}>
                {i + 1}
              </span>
              <span className={`whitespace-pre pr-4 ${mark ? "border-l-2 border-amber-500 pl-1" : "pl-1.5"}`}>
                {colour(line)}
                {mark && markLabel && <span className="ml-3 rounded bg-amber-200 px-1 font-sans text-[11px] text-amber-950">{markLabel}</span>}
              </span>
            </div>
          );
        })}
      </code>
    </pre>
  );
}
