import { addBrand, hasBrand } from "./brand";

/**
 * What RAM, STS and EAS put in a refused call's body (`AccessDeniedDetail`, OpenAPI "NoPermission"
 * errors): who was refused what, by which policy layer, and the opaque EncodedDiagnosticMessage
 * that `ram:DecodeDiagnosticMessage` turns into the decision's details.
 */
export interface AccessDeniedDetail {
  AuthAction?: string;
  AuthPrincipalType?: string;
  AuthPrincipalDisplayName?: string;
  AuthPrincipalOwnerId?: string;
  PolicyType?: string;
  NoPermissionType?: string;
  EncodedDiagnosticMessage?: string;
}

export interface CloudErrorShape {
  code: string;
  message: string;
  requestId?: string;
  httpStatus?: number;
  /** How long the cloud asked the caller to wait before trying again, when it said. */
  retryAfterMs?: number;
  /** The API operation that failed (`ListRoles`), so a page can name it and the RAM action it needs. */
  operation?: string;
  /** The body's AccessDeniedDetail, when the cloud refused the call for want of permission. */
  accessDenied?: AccessDeniedDetail;
}

/** One error type for every failed cloud call: the cloud's own code and RequestId, kept. */
export class CloudError extends Error implements CloudErrorShape {
  readonly code: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  readonly retryAfterMs?: number;
  operation?: string;
  readonly accessDenied?: AccessDeniedDetail;
  /** Each subclass names its own brand, so `instanceof` tells them apart across bundle copies. */
  static readonly brand: string = "CloudError";
  static [Symbol.hasInstance](this: { brand: string }, value: unknown): boolean {
    return hasBrand(value, this.brand);
  }
  constructor(e: CloudErrorShape) {
    super(e.message);
    addBrand(this, CloudError.brand);
    this.name = "CloudError";
    this.code = e.code;
    this.requestId = e.requestId;
    this.httpStatus = e.httpStatus;
    this.retryAfterMs = e.retryAfterMs;
    this.operation = e.operation;
    this.accessDenied = e.accessDenied;
  }
  toJSON(): CloudErrorShape {
    return { code: this.code, message: this.message, requestId: this.requestId, httpStatus: this.httpStatus, ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }), ...(this.operation ? { operation: this.operation } : {}), ...(this.accessDenied ? { accessDenied: this.accessDenied } : {}) };
  }
}
