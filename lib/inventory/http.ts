import { z } from "zod";
import { CloudError } from "../cloud/types";
import type { ApiErrorBody } from "./types";

/** Input that the console itself refuses, before any cloud call. */
export class InputError extends Error {
  constructor(readonly code: string, message: string, readonly status = 400) {
    super(message);
  }
}

export function errorBody(code: string, message: string, requestId?: string): ApiErrorBody {
  return { error: { code, message, ...(requestId ? { requestId } : {}) } };
}

/**
 * Any failure → JSON with the cloud's own code and RequestId. A cloud 404 or 400 is about
 * what the user asked for and keeps its status; every other cloud failure is a 502.
 */
export function errorResponse(err: unknown): Response {
  if (err instanceof InputError) return Response.json(errorBody(err.code, err.message), { status: err.status });
  if (err instanceof z.ZodError) {
    const message = err.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ");
    return Response.json(errorBody("InvalidParameter", message), { status: 400 });
  }
  if (err instanceof CloudError) {
    const status = err.httpStatus === 404 || err.httpStatus === 400 ? err.httpStatus : 502;
    return Response.json(errorBody(err.code, err.message, err.requestId), { status });
  }
  return Response.json(errorBody("InternalError", err instanceof Error ? err.message : String(err)), { status: 500 });
}

/** The regions asked for, checked against those the console serves; all of them when none is named. */
export function pickRegions(asked: string[] | undefined, served: readonly string[]): string[] {
  if (!asked || asked.length === 0) return [...served];
  const unknown = asked.filter((r) => !served.includes(r));
  if (unknown.length > 0) throw new InputError("InvalidParameter.Region", `region ${unknown.join(", ")} is not one of ${served.join(", ")}`);
  return [...new Set(asked)];
}
