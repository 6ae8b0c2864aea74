"use client";

import { useTranslations } from "next-intl";
import { ErrorState } from "@/components/ui/states";
import type { ApiError } from "@/lib/errors/app-error";
import { ApiRequestError } from "./post-json";

const isApiError = (v: unknown): v is ApiError => typeof v === "object" && v !== null && "code" in v && "message" in v && !(v instanceof Error);

/** A failed call as the page shows it: the code, the message, each field with its rule, the cloud's RequestId. */
export function ApiErrorNotice({ error }: { error: unknown | ApiError }) {
  // The kit's namespace: this notice shows on pages (preflight, requests) that load no wizard words.
  const tc = useTranslations("common");
  const e: Omit<ApiError, "code"> & { code: string } =
    error instanceof ApiRequestError ? error.error : isApiError(error) ? error : { code: "network", message: error instanceof Error ? error.message : String(error) };
  return (
    <ErrorState
      title={tc("apiError")}
      code={e.cloud?.code ?? e.code}
      message={e.message}
      requestId={e.cloud?.requestId}
      requestIdLabel={tc("requestId")}
      action={
        e.fields ? (
          <ul className="list-disc pl-5 text-xs" aria-label={tc("badFields")}>
            {Object.entries(e.fields).map(([f, rule]) => (
              <li key={f}>
                <code className="font-mono">{f}</code> {rule}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
