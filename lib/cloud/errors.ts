export interface CloudErrorShape {
  code: string;
  message: string;
  requestId?: string;
  httpStatus?: number;
}

/** One error type for every failed cloud call: the cloud's own code and RequestId, kept. */
export class CloudError extends Error implements CloudErrorShape {
  readonly code: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  constructor(e: CloudErrorShape) {
    super(e.message);
    this.name = "CloudError";
    this.code = e.code;
    this.requestId = e.requestId;
    this.httpStatus = e.httpStatus;
  }
  toJSON(): CloudErrorShape {
    return { code: this.code, message: this.message, requestId: this.requestId, httpStatus: this.httpStatus };
  }
}
