import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { PEER_HEADER, PEER_PROTO_HEADER } from "../../lib/net/client-address";
import { proxy } from "../../proxy";

const request = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(`http://127.0.0.1:3000${path}`, { headers: { [PEER_HEADER]: "127.0.0.1", [PEER_PROTO_HEADER]: "http", ...headers } });

describe("proxy", () => {
  it("sends HSTS only when the browser came over HTTPS, never on a client's say-so", () => {
    expect(proxy(request("/roles", { [PEER_PROTO_HEADER]: "https" })).headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
    expect(proxy(request("/roles", { "x-forwarded-proto": "https" })).headers.get("strict-transport-security")).toBeNull();
    expect(proxy(request("/roles")).headers.get("strict-transport-security")).toBeNull();
  });

  it("gives each page its own nonce and hands it to the render in the request's CSP", () => {
    const a = proxy(request("/roles"));
    const b = proxy(request("/roles"));
    const nonce = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce(a)).toBeTruthy();
    expect(nonce(a)).not.toBe(nonce(b));
    expect(a.headers.get("x-middleware-request-content-security-policy")).toContain(`'nonce-${nonce(a)}'`);
    expect(a.headers.get("content-security-policy")).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("answers a malformed path segment with 400 JSON under /api, and the not-found page elsewhere", async () => {
    const api = proxy(request("/api/services/cn-hangzhou/%E0%A4%A"));
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ error: { code: "invalid_input", message: "The path holds a malformed percent-encoding.", fields: { path: "must be valid percent-encoding" } } });
    const page = proxy(request("/roles/%"));
    expect(page.headers.get("x-middleware-rewrite")).toContain("/_rolescope/not-found");
    expect(proxy(request("/roles/eas-oss-reader")).headers.get("x-middleware-rewrite")).toBeNull();
    expect(proxy(request("/services/cn-hangzhou/%25")).headers.get("x-middleware-rewrite")).toBeNull();
  });
});
