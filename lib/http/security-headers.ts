import "server-only";
import { randomBytes } from "node:crypto";

// Headers every answer of the console carries, built per request in proxy.ts: scripts run only
// with this request's nonce (Next puts it on its own scripts when it finds it in the request's
// CSP), and HSTS only when the browser came over HTTPS, where it means something.

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/** The page CSP. Styles stay 'unsafe-inline': React style attributes cannot carry a nonce. */
export function pageCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** JSON answers load nothing and are never framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export const HSTS = "max-age=31536000; includeSubDomains";
