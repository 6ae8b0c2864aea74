// The JSON API's stable error codes and the HTTP status each answers with. Scripts and CI
// pipelines branch on these codes; README lists them. Add a code here, never reuse one.
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  cross_origin: 403,
  read_only: 403,
  not_found: 404,
  conflict: 409,
  username_taken: 409,
  /** At least one enabled admin must remain. */
  last_admin: 409,
  /** An admin may not disable or demote their own account. */
  self_lockout: 409,
  /** A PassRole request is decided by an admin other than the one who asked for it. */
  self_approval: 403,
  rate_limited: 429,
  /** A request body past ROLESCOPE_MAX_BODY_BYTES (1 MiB by default). */
  payload_too_large: 413,
  /** The Host (or a trusted proxy's X-Forwarded-Host) is not one the console is served on. */
  misdirected_request: 421,
  /** A deploy was refused because preflight found errors in the service config. */
  preflight_failed: 409,
  /** The cloud refused the request as it was asked (a RAM or EAS 4xx other than those below). */
  cloud_rejected: 400,
  /** The cloud refused the console's own identity (NoPermission for the console's credentials). */
  cloud_denied: 502,
  /** The cloud asked the console to slow down; Retry-After says when to try again. */
  cloud_throttled: 429,
  /** The cloud failed or could not be reached. */
  cloud_unavailable: 502,
  /** The console's own cloud credentials cannot be had: their source fails and the last ones expired. */
  credentials_unavailable: 503,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

