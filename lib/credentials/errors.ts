import "server-only";
import { CloudError } from "../cloud/errors";

export const CREDENTIALS_UNAVAILABLE = "CredentialsUnavailable";

/**
 * No usable credentials: the source failed and what it gave last has expired, or no source of the
 * chain gave any. A CloudError without an HTTP status, so the gateways neither retry it nor take it
 * for the cloud's answer; lib/errors maps it to `credentials_unavailable`.
 */
export class CredentialsUnavailableError extends CloudError {
  constructor(message: string) {
    super({ code: CREDENTIALS_UNAVAILABLE, message });
    this.name = "CredentialsUnavailableError";
  }
}
