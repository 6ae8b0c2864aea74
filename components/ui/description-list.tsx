import type { ReactNode } from "react";

export function DescriptionList({ items }: { items: { term: ReactNode; detail: ReactNode }[] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 text-sm">
      {items.map((item, i) => (
        <div key={i} className="contents">
          <dt className="text-slate-500">{item.term}</dt>
          <dd className="min-w-0 break-words text-slate-900">{item.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
