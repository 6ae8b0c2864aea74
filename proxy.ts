import { NextResponse, type NextRequest } from "next/server";
import { requestLocale } from "@/i18n/config";
import { checkedHost, isHttps } from "@/lib/auth/request";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { rule } from "@/lib/errors/render";
import { isAllowedHost } from "@/lib/net/allowed-hosts";
import { hasMalformedSegment } from "@/lib/http/path-segments";
import { API_CSP, HSTS, newNonce, pageCsp } from "@/lib/http/security-headers";

const DEV = process.env.NODE_ENV !== "production";

function withSecurityHeaders(res: NextResponse, request: NextRequest, csp: string): NextResponse {
  res.headers.set("Content-Security-Policy", csp);
  if (isHttps(request.headers)) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}

// Runs before every page and API route:
// - a Host the console is not served on (DNS rebinding) answers 421 before anything else runs;
// - a path segment that is not valid percent-encoding answers 404 (pages) or 400 JSON (API)
//   here, before Next's router fails on it with a bare 500;
// - each page gets a fresh CSP nonce, which Next puts on its own scripts;
// - the requested path goes to the render, so sign-in can return to it and a refused page is
//   audited by its path. Authorisation itself happens in the data-access layer.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const host = checkedHost(request.headers, request.url);
  if (!isAllowedHost(host, { headers: request.headers, https: isHttps(request.headers), allowed: getEnv().ROLESCOPE_ALLOWED_HOSTS })) return misdirected(request, pathname, host);
  const malformed = hasMalformedSegment(pathname);
  if (pathname.startsWith("/api/")) {
    if (!malformed) return withSecurityHeaders(NextResponse.next(), request, API_CSP);
    const body = { error: AppError.invalid({ path: rule("percentEncoding") }, "malformedPath").toJSON(requestLocale(request.headers)) };
    return withSecurityHeaders(NextResponse.json(body, { status: 400, headers: { "Cache-Control": "no-store" } }), request, API_CSP);
  }

  const csp = pageCsp(newNonce(), DEV);
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  headers.set("x-rolescope-path", `${pathname}${search}`);
  // No page has this path: the rewrite renders the not-found page with a 404.
  const res = malformed
    ? NextResponse.rewrite(new URL("/_rolescope/not-found", request.url), { request: { headers } })
    : NextResponse.next({ request: { headers } });
  return withSecurityHeaders(res, request, csp);
}

function misdirected(request: NextRequest, pathname: string, host: string): NextResponse {
  const message = `This console does not answer to the host ${host.slice(0, 100)}. Use the address it is served on, or list the host in ROLESCOPE_ALLOWED_HOSTS.`;
  const headers = { "Cache-Control": "no-store" };
  const res = pathname.startsWith("/api/")
    ? NextResponse.json({ error: { code: "misdirected_request", message } }, { status: 421, headers })
    : new NextResponse(message, { status: 421, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  return withSecurityHeaders(res, request, API_CSP);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
