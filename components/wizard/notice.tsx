import type { ReactNode } from "react";
import { toneClasses, type Tone } from "@/components/ui/tone";

/** A sentence that changes what the user should do next: a warning with its fix, a refusal, a hint. */
export function Notice({ tone = "info", title, children, testId }: { tone?: Tone; title: ReactNode; children?: ReactNode; testId?: string }) {
  return (
    <div role={tone === "danger" || tone === "warning" ? "alert" : "note"} data-testid={testId} className={`rounded px-4 py-3 text-sm ring-1 ring-inset ${toneClasses[tone]}`}>
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 text-[13px] leading-5">{children}</div>}
    </div>
  );
}
