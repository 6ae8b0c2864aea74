// EAS's naming rules, checked before any call so a bad name never reaches the cloud.

// A service the console creates: starts with a lowercase letter and holds lowercase letters,
// digits, `_` and `-`, at most 32 characters (EAS's letter/digit/underscore rule, widened by `-`,
// which the demo account's services and the emulator accept).
export const NEW_SERVICE_NAME_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;

// A service the cloud already holds may have been named by other rules (older ones, other tools,
// upper case, dots, a leading digit): the console shows and routes to any such name, refusing
// only characters no EAS name holds (`%`, quotes, spaces, `/`), before any call.
export const SERVICE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
export const SERVICE_NAME_RULE = "must be a service name: 1 to 128 letters, digits, _, . and -, starting with a letter or digit";

export const REGION_PATTERN = /^[a-z]{2,}-[a-z0-9-]+$/;
export const REGION_RULE = "must be a region id like cn-hangzhou";

/** Whether a region and service name from a URL may be sent to EAS at all. */
export function isServiceAddress(region: string, name: string): boolean {
  return REGION_PATTERN.test(region) && SERVICE_NAME_PATTERN.test(name);
}
