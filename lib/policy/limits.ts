// Document size limits, in characters of the submitted JSON text.
// The docs disagree: the current CreatePolicy API page says 6,144 characters, an older error
// page says 2,048 bytes. We follow the current API docs for permission policies. No readable
// page states the trust-policy limit, so trust policies keep the older, stricter 2,048 until
// someone verifies it against the cloud. Change them here only: the emulator reads these too.
export const MAX_PERMISSION_POLICY_CHARS = 6_144;
export const MAX_TRUST_POLICY_CHARS = 2_048;
/** STS AssumeRole session policy (`InvalidParameter.PolicySize`); raised from 1,024 in September 2022. */
export const MAX_SESSION_POLICY_CHARS = 2_048;
export const POLICY_VERSION = "1";

/**
 * The longest Action or Resource value the console accepts to evaluate (simulator, preflight).
 * RAM documents no length for one element, only the custom policy document that holds it
 * (6,144 characters: RAM's Limits page and CreatePolicy's PolicyDocument). The smallest
 * statement around one value, `{"Version":"1","Statement":[{"Effect":"Allow","Action":"x",
 * "Resource":""}]}`, takes 75 of those characters, so no policy can name a longer value than
 * 6,069; a request for a longer one could only be matched by wildcards, and RAM's own resource
 * names (an OSS object key: at most 1,023 bytes) stay well inside it.
 */
export const MAX_ELEMENT_CHARS = MAX_PERMISSION_POLICY_CHARS - '{"Version":"1","Statement":[{"Effect":"Allow","Action":"x","Resource":""}]}'.length;

export function maxPolicyChars(kind: "permission" | "trust"): number {
  return kind === "trust" ? MAX_TRUST_POLICY_CHARS : MAX_PERMISSION_POLICY_CHARS;
}
