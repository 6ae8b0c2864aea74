// Facts about an incoming request that the auth layer needs, read from headers only so the
// same code serves route handlers, server components and unit tests.
import "server-only";
import { getEnv } from "../env";
import { requestHost, requestProtocol, resolveClientAddress, type TrustRule } from "../net/client-address";

export const SESSION_COOKIE = "rolescope_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const trustRule = (): TrustRule => getEnv().ROLESCOPE_TRUSTED_PROXIES;

export function isMutating(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** A cookie by exact name; a value that is not valid percent-encoding counts as no cookie. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Whether the browser used HTTPS: the socket was TLS, or a trusted proxy says so (never the URL, which Next builds from client headers). */
export function isHttps(headers: Headers, trust: TrustRule = trustRule()): boolean {
  return requestProtocol(headers, trust) === "https";
}

/**
 * The host the browser addressed: the Host header, or a trusted proxy's X-Forwarded-Host. proxy.ts
 * answers only allowed ones, and the cross-site check compares Origin against this same host.
 */
export function checkedHost(headers: Headers, url: string, trust: TrustRule = trustRule()): string {
  return requestHost(headers, trust, new URL(url).host);
}

/** The origin this request was addressed to, as the browser saw it. */
function expectedOrigin(headers: Headers, url: string, trust: TrustRule = trustRule()): string {
  const host = checkedHost(headers, url, trust);
  return `${isHttps(headers, trust) ? "https" : "http"}://${host}`;
}

// Browsers send Origin (and Sec-Fetch-Site) on every cross-site POST; a request without either
// did not come from a page on another site, so it cannot be a forged cross-site request.
export function isCrossOrigin(headers: Headers, url: string, trust: TrustRule = trustRule()): boolean {
  const origin = headers.get("origin");
  if (origin && origin !== "null") return origin !== expectedOrigin(headers, url, trust);
  if (origin === "null") return true;
  const site = headers.get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}

/** The address sign-in limits and the audit log use: see lib/net/client-address. */
export function clientAddress(headers: Headers, trust: TrustRule = trustRule()): string {
  return resolveClientAddress(headers, trust);
}

// Any origin will do: a relative path resolves the same way against every http(s) origin.
const BASE = "http://rolescope.invalid";
const sameOrigin = (path: string) => new URL(path, BASE).origin === BASE;

/**
 * A place to return to after sign-in: a path that, parsed as a browser parses it (dropping tabs
 * and newlines, reading `\` as `/`), stays on the console's origin. Answered in the parser's own
 * serialisation, so what the browser follows is exactly what was checked.
 */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.length > 1000) return "/";
  let parsed: URL;
  try {
    parsed = new URL(value, BASE);
  } catch {
    return "/";
  }
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  if (parsed.origin !== BASE || !path.startsWith("/") || path.startsWith("//") || !sameOrigin(path)) return "/";
  const lower = parsed.pathname.toLowerCase();
  if (lower === "/login" || lower.startsWith("/login/") || lower.startsWith("/api/")) return "/";
  return path;
}
