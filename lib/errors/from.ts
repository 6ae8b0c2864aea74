import { z } from "zod";
import { CloudError } from "./cloud-error";
import { AppError } from "./app-error";
import { fieldRules } from "./zod-rules";

/** A failed cloud call as the console answers it: the cloud's code and RequestId kept. */
// The cloud's message stays as the cloud wrote it, inside the reader's explanation of the code.
export function fromCloudError(err: CloudError): AppError {
  const cloud = { code: err.code, ...(err.requestId ? { requestId: err.requestId } : {}) };
  const values = { message: err.message };
  const opts = { cloud, cause: err, values };
  // Not the cloud's answer: the console could not sign the call at all.
  if (err.code === "CredentialsUnavailable") return new AppError("credentials_unavailable", "cloud.credentials_unavailable", { cause: err, values });
  // Retry-After is whole seconds: the cloud's own wait when it gave one, else a short pause.
  if (err.code.includes("Throttling")) return new AppError("cloud_throttled", "cloud.cloud_throttled", { ...opts, retryAfter: err.retryAfterMs === undefined ? 2 : Math.max(1, Math.ceil(err.retryAfterMs / 1000)) });
  const status = err.httpStatus;
  if (status === 404) return new AppError("not_found", "cloud.not_found", opts);
  if (status === 409) return new AppError("conflict", "cloud.conflict", opts);
  if (status === 403) return new AppError("cloud_denied", "cloud.cloud_denied", opts);
  if (status !== undefined && status >= 400 && status < 500) return new AppError("cloud_rejected", "cloud.cloud_rejected", opts);
  return new AppError("cloud_unavailable", "cloud.cloud_unavailable", opts);
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
