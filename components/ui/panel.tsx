import type { ReactNode } from "react";

/** `id` names the section, so a link can jump to it; its heading gets `<id>-heading`. */
export function Panel({ title, actions, children, id }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; id?: string }) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section id={id} aria-labelledby={headingId} className="rounded border border-slate-200 bg-white">
      {(title || actions) && (
        <header className="flex items-center justify-between gap-4 border-b border-slate-200 px-4 py-2.5">
          {title && (
            <h2 id={headingId} className="text-sm font-semibold text-slate-900">
              {title}
            </h2>
          )}
          {actions}
        </header>
      )}
      <div className="p-4">{children}</div>
    </section>
  );
}
