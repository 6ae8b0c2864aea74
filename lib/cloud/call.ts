import { CloudError } from "./types";

// Retries only what a retry can cure: throttling, server faults and dropped connections.
// Client errors (bad input, no permission, not found) are final and surface at once.
const RETRYABLE_NETWORK = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN"]);

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 200, maxDelayMs: 2000 };

interface SdkErrorLike {
  name?: string;
  code?: string;
  message?: string;
  statusCode?: number;
  requestId?: string;
  data?: { Code?: string; Message?: string; RequestId?: string; statusCode?: number };
}

/** Maps whatever the SDK threw to a CloudError, keeping the cloud's code and RequestId. */
export function toCloudError(err: unknown): CloudError {
  if (err instanceof CloudError) return err;
  const e = (err ?? {}) as SdkErrorLike;
  const code = e.data?.Code ?? e.code ?? (e.name === "RequestTimeoutError" ? "RequestTimeout" : "UnknownError");
  // openapi-core prefixes the message with "<code>: code: <status>, " and appends the request id; keep the cloud's own words.
  const message = e.data?.Message ?? e.message ?? String(err);
  return new CloudError({
    code,
    message,
    requestId: e.requestId ?? e.data?.RequestId,
    httpStatus: e.statusCode ?? e.data?.statusCode,
  });
}

export function isRetryable(err: CloudError): boolean {
  if (err.code.includes("Throttling")) return true;
  if (err.httpStatus !== undefined) return err.httpStatus >= 500;
  return RETRYABLE_NETWORK.has(err.code) || err.code === "RequestTimeout";
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs one cloud call with bounded retries, exponential backoff and full jitter. */
export async function callWithRetry<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  random: () => number = Math.random,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (raw) {
      const err = toCloudError(raw);
      if (attempt >= policy.retries || !isRetryable(err)) throw err;
      const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
      await sleep(Math.floor(random() * cap));
    }
  }
}
