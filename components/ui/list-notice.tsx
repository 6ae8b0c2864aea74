"use client";

import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { toneClasses, type Tone } from "./tone";

/**
 * A note above a list saying what it shows instead of what was asked: a parameter it left out,
 * a part it could not read. With `dismissLabel`, the reader may put it away.
 */
export function ListNotice({ tone = "warning", title, children, dismissLabel, testId }: {
  tone?: Tone;
  title: ReactNode;
  children?: ReactNode;
  dismissLabel?: string;
  testId?: string;
}) {
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  return (
    <div role="status" data-testid={testId} className={`flex items-start justify-between gap-3 rounded px-4 py-2.5 text-sm ring-1 ring-inset ${toneClasses[tone]}`}>
      <div className="min-w-0">
        <p className="font-medium">{title}</p>
        {children && <div className="mt-1 text-[13px] leading-5">{children}</div>}
      </div>
      {dismissLabel && (
        <Button size="sm" variant="ghost" onClick={() => setDismissed(true)}>
          {dismissLabel}
        </Button>
      )}
    </div>
  );
}
