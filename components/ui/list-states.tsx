"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, TableSkeleton } from "@/components/ui/states";
import type { Paged } from "@/lib/inventory/types";
import { ApiCallError } from "./fetch-json";

/** The states every server-paged list goes through: failed (with the cloud's code and RequestId), loading, empty, or its rows. */
export function ListStates<T>({ data, error, isPending, errorTitle, emptyTitle, emptyAction, onRetry, children }: {
  data: Paged<T> | undefined;
  error: Error | null;
  isPending: boolean;
  errorTitle: string;
  emptyTitle: string;
  emptyAction?: ReactNode;
  onRetry: () => void;
  children: (data: Paged<T>) => ReactNode;
}) {
  const tc = useTranslations("common");
  if (error) {
    return (
      <ErrorState
        title={errorTitle}
        code={error instanceof ApiCallError ? error.code : undefined}
        message={error.message}
        requestId={error instanceof ApiCallError ? error.requestId : undefined}
        requestIdLabel={tc("requestId")}
        action={<Button onClick={onRetry}>{tc("retry")}</Button>}
      />
    );
  }
  if (isPending || !data) return <TableSkeleton label={tc("loading")} />;
  if (data.total === 0) return <EmptyState title={emptyTitle}>{emptyAction}</EmptyState>;
  return <>{children(data)}</>;
}
