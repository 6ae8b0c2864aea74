import type { ApiError } from "@/lib/errors/app-error";

/** A refused or failed API call, with the fields it names and the cloud's code and RequestId. */
export class ApiRequestError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

async function errorOf(res: Response): Promise<ApiRequestError> {
  const body = (await res.json().catch(() => null)) as { error?: ApiError } | null;
  return new ApiRequestError(body?.error ?? { code: "internal_error", message: `HTTP ${res.status}` });
}

export async function postJson<T>(url: string, body: unknown, init?: { signal?: AbortSignal }): Promise<T> {
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", accept: "application/json" }, body: JSON.stringify(body), signal: init?.signal });
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as T;
}

export async function getJson<T>(url: string, init?: { signal?: AbortSignal }): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" }, signal: init?.signal });
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as T;
}

/** POSTs and reads an NDJSON answer line by line, handing each parsed line to `onLine`. */
export async function postStream(url: string, body: unknown, onLine: (line: unknown) => void): Promise<void> {
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok || !res.body) throw await errorOf(res);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line) onLine(JSON.parse(line));
    }
    if (done) break;
  }
}
