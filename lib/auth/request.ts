// Facts about an incoming request that the auth layer needs, read from headers only so the
// same code serves route handlers, server components and unit tests.
import "server-only";

export const SESSION_COOKIE = "rolescope_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isMutating(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function isHttps(headers: Headers, url?: string): boolean {
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  if (proto) return proto === "https";
  return url ? url.startsWith("https:") : false;
}

/** The origin this request was addressed to, as the browser saw it. */
export function expectedOrigin(headers: Headers, url: string): string {
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || new URL(url).host;
  return `${isHttps(headers, url) ? "https" : "http"}://${host}`;
}

// Browsers send Origin (and Sec-Fetch-Site) on every cross-site POST; a request without either
// did not come from a page on another site, so it cannot be a forged cross-site request.
export function isCrossOrigin(headers: Headers, url: string): boolean {
  const origin = headers.get("origin");
  if (origin && origin !== "null") return origin !== expectedOrigin(headers, url);
  if (origin === "null") return true;
  const site = headers.get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}

// The nearest proxy appends the real peer last; Next itself fills the header from the socket when absent.
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return (last ?? headers.get("x-real-ip") ?? "unknown").slice(0, 64);
}

/** Only same-site relative paths are accepted as a place to return to after sign-in. */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || value.length > 1000) return "/";
  if (value.startsWith("/login") || value.startsWith("/api/")) return "/";
  return value;
}
