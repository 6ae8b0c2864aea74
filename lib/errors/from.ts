import { z } from "zod";
import { CloudError } from "../cloud/errors";
import { AppError } from "./app-error";
import { fieldRules } from "./zod-rules";

/** A failed cloud call as the console answers it: the cloud's code and RequestId kept. */
export function fromCloudError(err: CloudError): AppError {
  const cloud = { code: err.code, ...(err.requestId ? { requestId: err.requestId } : {}) };
  const opts = { cloud, cause: err };
  // Not the cloud's answer: the console could not sign the call at all.
  if (err.code === "CredentialsUnavailable") return new AppError("credentials_unavailable", err.message, { cause: err });
  // Retry-After is whole seconds: the cloud's own wait when it gave one, else a short pause.
  if (err.code.includes("Throttling")) return new AppError("cloud_throttled", err.message, { ...opts, retryAfter: err.retryAfterMs === undefined ? 2 : Math.max(1, Math.ceil(err.retryAfterMs / 1000)) });
  const status = err.httpStatus;
  if (status === 404) return new AppError("not_found", err.message, opts);
  if (status === 409) return new AppError("conflict", err.message, opts);
  if (status === 403) return new AppError("cloud_denied", err.message, opts);
  if (status !== undefined && status >= 400 && status < 500) return new AppError("cloud_rejected", err.message, opts);
  return new AppError("cloud_unavailable", err.message, opts);
}

/** Bad input as the API answers it: each field named with its rule. */
export function fromZodError(err: z.ZodError, fallback = "body"): AppError {
  return AppError.invalid(fieldRules(err, fallback));
}

/** The AppError for a known failure, or undefined for one the console cannot explain. */
export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof CloudError) return fromCloudError(err);
  if (err instanceof z.ZodError) return fromZodError(err);
  return undefined;
}
