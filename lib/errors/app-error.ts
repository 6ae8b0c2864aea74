import { DEFAULT_LOCALE, type Locale } from "@/i18n/config";
import type { DenialNote } from "../denials/note";
import { addBrand, hasBrand } from "./brand";
import { ERROR_STATUS, type ErrorCode } from "./codes";
import { renderFields, renderInvalid, renderKey, type ErrorKey, type FieldRule, type MessageValues } from "./render";

/** The cloud's own words about a failed call, kept for the user and the audit log. */
export interface CloudDetail {
  code: string;
  requestId?: string;
  /** Why the cloud refused the console's call, decoded and worded (cloud_denied only). */
  denial?: DenialNote;
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

type Wording = { key: ErrorKey; values?: MessageValues } | { fields: Record<string, FieldRule> };

/**
 * The one error type of the console's server code. Its code decides the HTTP status; its message
 * is a catalog key with named values, worded in the reader's language when it is answered
 * (`toJSON(locale)`); a cloud failure keeps the cloud's code, message and RequestId verbatim.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** Field (dotted path) → the rule it broke, as catalog keys. */
  readonly fieldRules?: Record<string, FieldRule>;
  readonly cloud?: CloudDetail;
  /** Seconds, for throttling answers. */
  readonly retryAfter?: number;
  readonly #wording: Wording;

  /** Each subclass names its own brand, so `instanceof` tells them apart across bundle copies. */
  static readonly brand: string = "AppError";
  static [Symbol.hasInstance](this: { brand: string }, value: unknown): boolean {
    return hasBrand(value, this.brand);
  }

  constructor(code: ErrorCode, key: ErrorKey | null, opts: { values?: MessageValues; fields?: Record<string, FieldRule>; cloud?: CloudDetail; retryAfter?: number; cause?: unknown } = {}) {
    const wording: Wording = key === null ? { fields: opts.fields ?? {} } : { key, values: opts.values };
    super(render(wording, DEFAULT_LOCALE), opts.cause === undefined ? undefined : { cause: opts.cause });
    addBrand(this, AppError.brand);
    this.name = "AppError";
    this.code = code;
    this.#wording = wording;
    this.fieldRules = opts.fields;
    this.cloud = opts.cloud;
    this.retryAfter = opts.retryAfter;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** The refused fields with their rules in English, as the log and the console's tests read them. */
  get fields(): Record<string, string> | undefined {
    return this.fieldRules && renderFields(DEFAULT_LOCALE, this.fieldRules);
  }

  /** The message in `locale`. */
  messageIn(locale: Locale): string {
    return render(this.#wording, locale);
  }

  toJSON(locale: Locale = DEFAULT_LOCALE): ApiError {
    return {
      code: this.code,
      message: this.messageIn(locale),
      ...(this.fieldRules ? { fields: renderFields(locale, this.fieldRules) } : {}),
      ...(this.cloud ? { cloud: this.cloud } : {}),
    };
  }

  /** Bad input: each field with its rule; the message lists them unless `key` words it. */
  static invalid(fields: Record<string, FieldRule>, key?: ErrorKey, values?: MessageValues): AppError {
    return new AppError("invalid_input", key ?? null, { fields, values });
  }

  static notFound(key: ErrorKey, values?: MessageValues, cloud?: CloudDetail): AppError {
    return new AppError("not_found", key, { values, cloud });
  }

  static conflict(key: ErrorKey, values?: MessageValues): AppError {
    return new AppError("conflict", key, { values });
  }
}

function render(wording: Wording, locale: Locale): string {
  return "fields" in wording ? renderInvalid(locale, wording.fields) : renderKey(locale, `errors.${wording.key}`, wording.values);
}
