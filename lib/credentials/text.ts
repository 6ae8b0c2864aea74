import "server-only";

// Small rules shared by the sources and the status: how an expiry is written, how a key id is
// shown, and how a source's error text is cleaned before it is kept or logged.

// STS, EAS and the metadata service all write UTC with a Z, as the SDK itself insists.
const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Epoch ms of an `Expiration`, or an Error naming what is wrong with it. */
export function parseExpiration(value: unknown): number {
  if (typeof value !== "string" || !UTC.test(value)) {
    throw new Error(`Expiration must be a UTC time like 2024-05-21T10:39:29Z, got ${typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : typeof value}`);
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`Expiration is not a real time: ${value}`);
  return ms;
}

/** `STS.NUxxxx…wxyz` → `STS.****wxyz`: enough to tell keys apart, not to use one. */
export function maskAccessKeyId(id: string): string {
  if (id.length < 12) return "****";
  return `${id.slice(0, 4)}****${id.slice(-4)}`;
}

const SECRET_FIELDS = /("?(?:AccessKeySecret|SecurityToken|access_key_secret|sts_token|accessKeySecret|securityToken)"?\s*[:=]\s*)("[^"]*"|[^\s,;}]+)/g;
const MAX_ERROR_CHARS = 400;

/**
 * A source's error as the console may keep, show and log it. The SDK quotes the endpoint's body
 * in some errors, and a half-valid body can hold a secret: every secret-named field is blanked.
 */
export function cleanError(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  const clean = raw.replace(SECRET_FIELDS, (_m, key: string) => `${key}"***"`).replace(/\s+/g, " ").trim();
  return clean.length > MAX_ERROR_CHARS ? `${clean.slice(0, MAX_ERROR_CHARS)}…` : clean;
}

/** A URL without user info, query or fragment: a credentials URI may carry a token in its query. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(not a URL)";
  }
}
