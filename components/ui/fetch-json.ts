import type { ApiErrorBody } from "@/lib/inventory/types";

/** A failed route-handler call, carrying the cloud's code and RequestId to the error state. */
export class ApiCallError extends Error {
  constructor(readonly code: string, message: string, readonly requestId?: string) {
    super(message);
  }
}

export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = (body as ApiErrorBody | undefined)?.error;
    throw new ApiCallError(err?.code ?? `HTTP ${res.status}`, err?.message ?? res.statusText, err?.requestId);
  }
  return body as T;
}
