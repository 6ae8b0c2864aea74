import type { ReactNode } from "react";
import { CopyButton } from "./copy-button";

/** What a caller may add to one line of a JSON view: anchors, a tint, data attributes, a tag. */
export interface JsonLine {
  /** id of the whole line (e.g. a statement's anchor). */
  id?: string;
  /** id of the line number (a line's anchor). */
  numberId?: string;
  /** Background and left-border classes of a highlighted line. */
  tint?: string;
  data?: Record<`data-${string}`, string>;
  /** Shown after the line's text. */
  tag?: ReactNode;
  /** Read out after the line, not shown. */
  note?: string;
}

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

/** JSON with line numbers and a copy button; `lines` decorates single lines (0-based). */
export function JsonView({ json, label, copyLabel, lines, caption }: {
  json: string;
  label: string;
  copyLabel: string;
  lines?: ReadonlyMap<number, JsonLine>;
  caption?: ReactNode;
}) {
  return (
    <figure className="min-w-0">
      {caption && <figcaption className="mb-1 text-xs text-amber-800">{caption}</figcaption>}
      <div className="relative">
      <CopyButton value={json} label={copyLabel} className="absolute right-2 top-1.5 z-10" />
      <pre
        aria-label={label}
        tabIndex={0}
        className="max-h-[28rem] overflow-auto rounded border border-slate-200 bg-slate-50 py-1.5 font-mono text-xs leading-5 text-slate-800 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        <code>
          {json.split("\n").map((text, i) => {
            const line = lines?.get(i);
            return (
              <span key={i} id={line?.id} {...line?.data} className={`flex scroll-mt-24 border-l-2 target:bg-sky-100 ${line?.tint ?? "border-l-transparent"}`}>
                <span id={line?.numberId} aria-hidden className="w-10 shrink-0 scroll-mt-24 select-none pr-3 text-right text-slate-600">
                  {i + 1}
                </span>
                <span className="whitespace-pre pr-4">
                  {colour(text)}
                  {line?.tag}
                </span>
                {line?.note && <span className="sr-only">{line.note}</span>}
              </span>
            );
          })}
        </code>
      </pre>
      </div>
    </figure>
  );
}
