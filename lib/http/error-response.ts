import "server-only";
import { randomBytes } from "node:crypto";
import { DEFAULT_LOCALE, requestLocale, type Locale } from "@/i18n/config";
import { ForbiddenError } from "../actor";
import { getAuthDeps } from "../auth/server-deps";
import { AppError, type ApiErrorBody } from "../errors/app-error";
import { toAppError } from "../errors/from";
import { getCloud } from "../cloud";
import { CloudError } from "../errors/cloud-error";
import { describeDenial } from "../denials/describe";
import type { DenialNote } from "../denials/note";

export const NO_STORE = { "Cache-Control": "no-store" } as const;

/** A short id for the server log entry of a failure the console cannot explain to the browser. */
function newErrorReference(): string {
  return `E-${randomBytes(5).toString("hex").toUpperCase()}`;
}

/** Logs an unexplained failure under a reference; the browser gets the reference, never the message. */
export function logUnexpected(err: unknown, where: string): string {
  const reference = newErrorReference();
  const detail = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  console.error(`[rolescope] ${reference} ${where}: ${detail}`);
  return reference;
}

/** The error as the API answers it, worded in `locale` (the request's: cookie, else Accept-Language). */
function appErrorResponse(err: AppError, extra: { reference?: string } = {}, locale: Locale = DEFAULT_LOCALE, denial?: DenialNote): Response {
  const json = err.toJSON(locale);
  const body: ApiErrorBody = { error: { ...json, ...(denial && json.cloud ? { cloud: { ...json.cloud, denial } } : {}), ...extra } };
  const headers: Record<string, string> = { ...NO_STORE };
  if (err.retryAfter !== undefined) headers["Retry-After"] = String(err.retryAfter);
  return Response.json(body, { status: err.status, headers });
}

/**
 * Any failure → the one JSON error shape. Known failures keep their message (and the cloud's
 * code and RequestId); anything else is logged with a reference and answered as internal_error.
 */
export async function errorResponse(err: unknown, req?: Request): Promise<Response> {
  const known = toAppError(err);
  const locale = req ? requestLocale(req.headers) : DEFAULT_LOCALE;
  if (!known) {
    const where = req ? `${req.method} ${new URL(req.url).pathname}` : "request";
    const reference = logUnexpected(err, where);
    return appErrorResponse(new AppError("internal_error", "internal"), { reference }, locale);
  }
  // A refusal by the data layer that no route check wrote down (defence in depth caught it).
  if (known instanceof ForbiddenError && !known.audited && req) {
    await getAuthDeps().audit.append({
      actor: known.denial.actor,
      action: "auth.denied",
      target: `${req.method} ${new URL(req.url).pathname}`,
      outcome: "denied",
      detail: { permission: known.denial.permission, layer: "data" },
    });
  }
  return appErrorResponse(known, {}, locale, await denialOf(known, locale));
}

/** A refusal of the console's own call carries its decoded reason (one decode per distinct message). */
async function denialOf(err: AppError, locale: Locale): Promise<DenialNote | undefined> {
  if (err.code !== "cloud_denied" || !(err.cause instanceof CloudError) || !err.cause.accessDenied) return undefined;
  try {
    return await describeDenial(getCloud().ram, err.cause.accessDenied, locale);
  } catch (e) {
    // The refusal is answered whatever happens to its explanation.
    logUnexpected(e, "decoding a denial");
    return undefined;
  }
}
