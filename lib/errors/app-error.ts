import { addBrand, hasBrand } from "./brand";
import { ERROR_STATUS, type ErrorCode } from "./codes";

/** The cloud's own words about a failed call, kept for the user and the audit log. */
export interface CloudDetail {
  code: string;
  requestId?: string;
}

/** What every API error answers, under `error`. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field (dotted path) → the rule it broke. */
  fields?: Record<string, string>;
  cloud?: CloudDetail;
  /** Names the entry in the server log for a failure the console cannot explain. */
  reference?: string;
}

export interface ApiErrorBody {
  error: ApiError;
}

/**
 * The one error type of the console's server code. Its code decides the HTTP status; the
 * message is safe to show; a cloud failure keeps the cloud's code and RequestId.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly cloud?: CloudDetail;
  /** Seconds, for throttling answers. */
  readonly retryAfter?: number;

  /** Each subclass names its own brand, so `instanceof` tells them apart across bundle copies. */
  static readonly brand: string = "AppError";
  static [Symbol.hasInstance](this: { brand: string }, value: unknown): boolean {
    return hasBrand(value, this.brand);
  }

  constructor(code: ErrorCode, message: string, opts: { fields?: Record<string, string>; cloud?: CloudDetail; retryAfter?: number; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    addBrand(this, AppError.brand);
    this.name = "AppError";
    this.code = code;
    this.fields = opts.fields;
    this.cloud = opts.cloud;
    this.retryAfter = opts.retryAfter;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toJSON(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.cloud ? { cloud: this.cloud } : {}),
    };
  }

  static invalid(fields: Record<string, string>, message?: string): AppError {
    const text = message ?? Object.entries(fields).map(([f, rule]) => `${f} ${rule}`).join("; ");
    return new AppError("invalid_input", text, { fields });
  }

  static notFound(message: string, cloud?: CloudDetail): AppError {
    return new AppError("not_found", message, { cloud });
  }

  static conflict(message: string): AppError {
    return new AppError("conflict", message);
  }
}
