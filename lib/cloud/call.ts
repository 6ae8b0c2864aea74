import { CloudError, type AccessDeniedDetail } from "./types";

// Retries only what a retry can cure: throttling, server faults and dropped connections.
// Client errors (bad input, no permission, not found) are final and surface at once.
const RETRYABLE_NETWORK = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN"]);

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts once this long has passed since the first attempt began. */
  budgetMs?: number;
}

// Sized for a cloud that fails one call in five (throttling or 5xx): seven attempts leave about
// one failed call in 80,000, so a page that makes a few dozen calls loads every time, and the
// budget keeps a call that keeps failing from holding a page for more than ~8 s plus one timeout.
export const DEFAULT_RETRY: RetryPolicy = { retries: 6, baseDelayMs: 100, maxDelayMs: 1000, budgetMs: 8000 };

interface SdkErrorLike {
  name?: string;
  code?: string;
  message?: string;
  statusCode?: number;
  requestId?: string;
  /** Milliseconds, from the cloud's `x-acs-retry-after` header (the SDK reads it so). */
  retryAfter?: number;
  data?: { Code?: string; Message?: string; RequestId?: string; statusCode?: number; AccessDeniedDetail?: unknown };
  accessDeniedDetail?: unknown;
}

const DETAIL_FIELDS = ["AuthAction", "AuthPrincipalType", "AuthPrincipalDisplayName", "AuthPrincipalOwnerId", "PolicyType", "NoPermissionType", "EncodedDiagnosticMessage"] as const;

/** The documented string fields of an AccessDeniedDetail, and nothing else the body held. */
function accessDeniedOf(e: SdkErrorLike): AccessDeniedDetail | undefined {
  const raw = e.accessDeniedDetail ?? e.data?.AccessDeniedDetail;
  if (!raw || typeof raw !== "object") return undefined;
  const out: AccessDeniedDetail = {};
  for (const f of DETAIL_FIELDS) {
    const v = (raw as Record<string, unknown>)[f];
    if (typeof v === "string" && v !== "") out[f] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Maps whatever the SDK threw to a CloudError, keeping the cloud's code, RequestId and retry-after. */
export function toCloudError(err: unknown): CloudError {
  if (err instanceof CloudError) return err;
  const e = (err ?? {}) as SdkErrorLike;
  const code = e.data?.Code ?? e.code ?? (e.name === "RequestTimeoutError" ? "RequestTimeout" : "UnknownError");
  // openapi-core prefixes the message with "<code>: code: <status>, " and appends the request id; keep the cloud's own words.
  const message = e.data?.Message ?? e.message ?? String(err);
  const accessDenied = accessDeniedOf(e);
  const retryAfterMs = typeof e.retryAfter === "number" && Number.isFinite(e.retryAfter) && e.retryAfter >= 0 ? e.retryAfter : undefined;
  return new CloudError({
    code,
    message,
    requestId: e.requestId ?? e.data?.RequestId,
    httpStatus: e.statusCode ?? e.data?.statusCode,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(accessDenied ? { accessDenied } : {}),
  });
}

function isRetryable(err: CloudError): boolean {
  if (err.code.includes("Throttling")) return true;
  if (err.httpStatus !== undefined) return err.httpStatus >= 500;
  return RETRYABLE_NETWORK.has(err.code) || err.code === "RequestTimeout";
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs one cloud call with bounded retries: exponential backoff with full jitter, or the wait
 * the cloud asked for; no retry once the budget is spent (the last error is thrown).
 */
export async function callWithRetry<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  random: () => number = Math.random,
  now: () => number = Date.now,
): Promise<T> {
  const started = now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (raw) {
      const err = toCloudError(raw);
      if (attempt >= policy.retries || !isRetryable(err)) throw err;
      const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
      const wait = err.retryAfterMs ?? Math.floor(random() * cap);
      if (policy.budgetMs !== undefined && now() - started + wait >= policy.budgetMs) throw err;
      await sleep(wait);
    }
  }
}
