import type { ReactNode } from "react";

/** Why the cloud refused a call, worded on the server (lib/denials builds it). */
export interface DenialNote {
  title: string;
  text: string;
  /** Whether RAM decoded the message (false: the note says what the console could not do). */
  decoded: boolean;
  links: { label: string; href: string }[];
  open?: { label: string; href: string };
}

export function EmptyState({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="rounded border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="text-sm font-medium text-slate-800">{title}</p>
      {children && <div className="mt-1 text-sm text-slate-600">{children}</div>}
    </div>
  );
}

/**
 * A failed call: the code a person can look up (the cloud's own when there is one), the fields
 * the server refused and why, the cloud's RequestId and the reference the server log keeps.
 */
export function ErrorState({ title, code, message, fields, requestId, requestIdLabel = "RequestId", reference, referenceLabel = "Reference", denial, action }: {
  title: ReactNode;
  code?: string;
  message?: string;
  fields?: Record<string, string>;
  requestId?: string;
  requestIdLabel?: string;
  reference?: string;
  referenceLabel?: string;
  /** Why the cloud refused the call, decoded on the server (lib/denials). */
  denial?: DenialNote;
  action?: ReactNode;
}) {
  const fieldList = Object.entries(fields ?? {});
  return (
    <div role="alert" className="rounded border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p className="font-medium">{title}</p>
      {(code || message) && (
        <p className="mt-1">
          {code && <code className="mr-2 rounded bg-red-100 px-1 font-mono text-xs">{code}</code>}
          {message}
        </p>
      )}
      {fieldList.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-xs">
          {fieldList.map(([field, rule]) => (
            <li key={field}>
              <code className="font-mono">{field}</code>: {rule}
            </li>
          ))}
        </ul>
      )}
      {(requestId || reference) && (
        <p className="mt-1 flex flex-wrap gap-x-4 text-xs text-red-800">
          {requestId && (
            <span>
              {requestIdLabel}: <code className="font-mono">{requestId}</code>
            </span>
          )}
          {reference && (
            <span>
              {referenceLabel}: <code className="font-mono">{reference}</code>
            </span>
          )}
        </p>
      )}
      {denial && <DenialReason note={denial} />}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}

function DenialReason({ note }: { note: DenialNote }) {
  return (
    <div data-testid="denial-reason" data-decoded={note.decoded} className="mt-2 rounded border border-red-200 bg-white/70 px-3 py-2 text-slate-800">
      <p className="text-xs font-medium uppercase tracking-wide text-red-800">{note.title}</p>
      <p className="mt-1 break-words">{note.text}</p>
      {(note.links.length > 0 || note.open) && (
        <p className="mt-1 flex flex-wrap gap-x-4 text-xs">
          {note.links.map((l) => (
            <a key={l.href} href={l.href} target="_blank" rel="noreferrer" className="font-mono text-blue-700 underline">
              {l.label}
            </a>
          ))}
          {note.open && (
            <a href={note.open.href} className="text-blue-700 underline">
              {note.open.label}
            </a>
          )}
        </p>
      )}
    </div>
  );
}

export function Skeleton({ className = "h-4 w-full" }: { className?: string }) {
  return <div aria-hidden className={`animate-pulse rounded bg-slate-200 ${className}`} />;
}

export function TableSkeleton({ rows = 8, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-2 rounded border border-slate-200 bg-white p-3">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-5 w-full" />
      ))}
    </div>
  );
}

/** Stand-ins for a page's parts while it loads; `loading.tsx` files and Suspense fallbacks compose them. */
export function PageHeaderSkeleton() {
  return (
    <div aria-hidden className="mb-4 space-y-1.5">
      <Skeleton className="h-6 w-48" />
      <Skeleton className="h-4 w-96 max-w-full" />
    </div>
  );
}

/** A filter bar over a table: the shape of every server-paged list. */
export function ListSkeleton({ rows = 10, label }: { rows?: number; label: string }) {
  return (
    <div className="space-y-3">
      <div aria-hidden className="flex flex-wrap items-center gap-3">
        <Skeleton className="h-7 w-64" />
        <Skeleton className="h-7 w-36" />
        <Skeleton className="h-7 w-36" />
      </div>
      <TableSkeleton rows={rows} label={label} />
    </div>
  );
}

export function PanelSkeleton({ lines = 3 }: { lines?: number }) {
  return (
    <div aria-hidden className="space-y-2 rounded border border-slate-200 bg-white p-4">
      <Skeleton className="h-4 w-40" />
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} className="h-4 w-full" />
      ))}
    </div>
  );
}

/** A list page while it loads: its header, then its filters and table. */
export function ListPageSkeleton({ label }: { label: string }) {
  return (
    <>
      <PageHeaderSkeleton />
      <ListSkeleton label={label} />
    </>
  );
}
