// EAS's naming rules, checked before any call so a bad name never reaches the cloud.

// Service names start with a lowercase letter and hold lowercase letters, digits, `_` and `-`,
// at most 32 characters (EAS's letter/digit/underscore rule, widened by `-`, which the console's
// own demo services use).
export const SERVICE_NAME_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;
export const SERVICE_NAME_RULE = "must start with a lowercase letter and hold only lowercase letters, digits, _ and -, at most 32 characters";

export const REGION_PATTERN = /^[a-z]{2,}-[a-z0-9-]+$/;
export const REGION_RULE = "must be a region id like cn-hangzhou";

/** Whether a region and service name from a URL may be sent to EAS at all. */
export function isServiceAddress(region: string, name: string): boolean {
  return REGION_PATTERN.test(region) && SERVICE_NAME_PATTERN.test(name);
}
