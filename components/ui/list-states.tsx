"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "./button";
import { ApiErrorState } from "./api-error-state";
import { EmptyState, TableSkeleton } from "./states";

/** The states every server-paged list goes through: failed (with everything the error carries), loading, empty, or its rows. */
export function ListStates<D extends { total: number }>({ data, error, isPending, errorTitle, emptyTitle, emptyAction, onRetry, children }: {
  data: D | undefined;
  error: Error | null;
  isPending: boolean;
  errorTitle: string;
  emptyTitle: string;
  emptyAction?: ReactNode;
  onRetry: () => void;
  children: (data: D) => ReactNode;
}) {
  const tc = useTranslations("common");
  if (error) return <ApiErrorState title={errorTitle} error={error} action={<Button onClick={onRetry}>{tc("retry")}</Button>} />;
  if (isPending || !data) return <TableSkeleton label={tc("loading")} />;
  if (data.total === 0) return <EmptyState title={emptyTitle}>{emptyAction}</EmptyState>;
  return <>{children(data)}</>;
}
