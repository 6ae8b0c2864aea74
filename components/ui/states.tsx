import type { ReactNode } from "react";

export function EmptyState({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="rounded border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="text-sm font-medium text-slate-800">{title}</p>
      {children && <div className="mt-1 text-sm text-slate-600">{children}</div>}
    </div>
  );
}

/** A failed call, with the cloud's own code and RequestId when there is one. */
export function ErrorState({ title, code, message, requestId, requestIdLabel = "RequestId", action }: {
  title: ReactNode;
  code?: string;
  message?: string;
  requestId?: string;
  requestIdLabel?: string;
  action?: ReactNode;
}) {
  return (
    <div role="alert" className="rounded border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p className="font-medium">{title}</p>
      {(code || message) && (
        <p className="mt-1">
          {code && <code className="mr-2 rounded bg-red-100 px-1 font-mono text-xs">{code}</code>}
          {message}
        </p>
      )}
      {requestId && (
        <p className="mt-1 text-xs text-red-800">
          {requestIdLabel}: <code className="font-mono">{requestId}</code>
        </p>
      )}
      {action && <div className="mt-2">{action}</div>}
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
