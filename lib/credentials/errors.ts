import "server-only";
import { CloudError } from "../errors/cloud-error";
import { addBrand, hasBrand } from "../errors/brand";

const CREDENTIALS_UNAVAILABLE = "CredentialsUnavailable";

/**
 * No usable credentials: the source failed and what it gave last has expired, or no source of the
 * chain gave any. A CloudError without an HTTP status, so the gateways neither retry it nor take it
 * for the cloud's answer; lib/errors maps it to `credentials_unavailable`.
 */
const BRAND = "CredentialsUnavailableError";

export class CredentialsUnavailableError extends CloudError {
  // CloudError's own check would take every CloudError for one of these.
  static [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, BRAND);
  }
  constructor(message: string) {
    super({ code: CREDENTIALS_UNAVAILABLE, message });
    addBrand(this, BRAND);
    this.name = "CredentialsUnavailableError";
  }
}
