// Browser-side calls to the PassRole request routes; the server checks each permission again.
export interface ApiFailure {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

export async function postJson<T>(url: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", accept: "application/json" }, body: JSON.stringify(body ?? {}) });
    const data = (await res.json().catch(() => null)) as T | { error?: ApiFailure } | null;
    if (res.ok) return { ok: true, data: data as T };
    return { ok: false, error: (data as { error?: ApiFailure } | null)?.error ?? { code: `HTTP ${res.status}`, message: res.statusText } };
  } catch (err) {
    return { ok: false, error: { code: "network", message: err instanceof Error ? err.message : "network error" } };
  }
}
