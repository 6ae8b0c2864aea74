import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { ApiCallError } from "./fetch-json";
import { ErrorState } from "./states";

/** An error state for a failed route-handler call: code, message, refused fields, RequestId and log reference. */
export function ApiErrorState({ title, error, action }: { title: ReactNode; error: Error; action?: ReactNode }) {
  const tc = useTranslations("common");
  const api = error instanceof ApiCallError ? error : undefined;
  return (
    <ErrorState
      title={title}
      code={api?.shownCode}
      message={error.message}
      fields={api?.fields}
      requestId={api?.requestId}
      requestIdLabel={tc("requestId")}
      reference={api?.reference}
      referenceLabel={tc("errorDigest")}
      denial={api?.denial}
      action={action}
    />
  );
}
