// The rules of a console user's fields, shared by the API's schemas (user-schemas.ts) and the
// users page, which checks them before sending and words each broken rule in its own catalog.
// Rules only the server can judge (a guessable password, a taken username, a RAM user the
// account lacks) come back from the API.

/** RAM's own rule for user names: 1–64 letters, digits, `.`, `_`, `-`, `@`. */
export const RAM_USER_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{1,31}$/;
export const DISPLAY_NAME_MAX = 80;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
/** The API's rule for a RAM user the account does not hold (under `ramUserName`). */
export const RAM_USER_MISSING = "names no RAM user in this account";

export type UserField = "username" | "displayName" | "ramUserName" | "password";
export type UserRule = "format" | "required" | "too_long" | "too_short";

/** The first rule each field breaks, for the fields a new user's form holds. */
export function checkNewUser(v: Record<UserField, string>): Partial<Record<UserField, UserRule>> {
  const out: Partial<Record<UserField, UserRule>> = {};
  const username = v.username.trim();
  if (!username) out.username = "required";
  else if (!USERNAME_PATTERN.test(username)) out.username = "format";
  const name = v.displayName.trim();
  if (!name) out.displayName = "required";
  else if (name.length > DISPLAY_NAME_MAX) out.displayName = "too_long";
  const ram = checkRamUserName(v.ramUserName);
  if (ram) out.ramUserName = ram;
  if (!v.password) out.password = "required";
  else if (v.password.length < PASSWORD_MIN) out.password = "too_short";
  else if (v.password.length > PASSWORD_MAX) out.password = "too_long";
  return out;
}

/** An empty RAM user name is no link, so it breaks no rule. */
export function checkRamUserName(value: string): UserRule | undefined {
  const name = value.trim();
  return name && !RAM_USER_PATTERN.test(name) ? "format" : undefined;
}
