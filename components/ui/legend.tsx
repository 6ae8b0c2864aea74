import type { ReactNode } from "react";
import { toneDot, type Tone } from "./tone";

/** What a colour means where it is not obvious: one dot and one sentence per colour. Its label is
 * visible text, not an accessible name, so it never shares a name with the filter it explains. */
export function Legend({ label, items }: { label: string; items: { tone: Tone; text: ReactNode }[] }) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-[11px] text-slate-600" role="note" data-testid="legend">
      <span className="font-medium text-slate-700">{label}</span>
      {items.map((i) => (
        <span key={i.tone} className="inline-flex items-center gap-1.5">
          <span aria-hidden className={`h-2 w-2 rounded-full ${toneDot[i.tone]}`} />
          {i.text}
        </span>
      ))}
    </div>
  );
}
