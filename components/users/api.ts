// Browser-side calls to the user-management route handlers; the server checks `users:manage` on each.
export interface ApiError {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

export async function sendUserChange(url: string, method: "POST" | "PATCH", body: unknown): Promise<ApiError | null> {
  try {
    const res = await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (res.ok) return null;
    const data = (await res.json().catch(() => null)) as { error?: ApiError } | null;
    return data?.error ?? { code: String(res.status), message: res.statusText };
  } catch (err) {
    return { code: "network", message: err instanceof Error ? err.message : "network error" };
  }
}
