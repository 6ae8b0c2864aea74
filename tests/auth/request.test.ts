import { describe, expect, it } from "vitest";
import { clientAddress, isCrossOrigin, isHttps, isMutating, readCookie, safeNextPath } from "../../lib/auth/request";
import { NO_PROXIES, parseTrustedProxies, PEER_HEADER, PEER_PROTO_HEADER } from "../../lib/net/client-address";

const h = (init: Record<string, string>) => new Headers(init);
const URL_ = "http://127.0.0.1:3000/api/auth/users";
/** As the peer stamp leaves a request that came straight from `peer`. */
const from = (peer: string, init: Record<string, string> = {}) => h({ [PEER_HEADER]: peer, [PEER_PROTO_HEADER]: "http", ...init });

describe("request facts", () => {
  it("treats a write from another origin as cross-origin, and same-origin or non-browser calls as not", () => {
    expect(isCrossOrigin(h({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }), URL_)).toBe(false);
    expect(isCrossOrigin(h({ host: "127.0.0.1:3000", origin: "http://evil.example" }), URL_)).toBe(true);
    expect(isCrossOrigin(h({ host: "127.0.0.1:3000", origin: "https://127.0.0.1:3000" }), URL_)).toBe(true);
    expect(isCrossOrigin(h({ host: "127.0.0.1:3000", origin: "null" }), URL_)).toBe(true);
    expect(isCrossOrigin(h({ host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" }), URL_)).toBe(true);
    expect(isCrossOrigin(h({ host: "127.0.0.1:3000" }), URL_)).toBe(false);
  });

  it("believes X-Forwarded-Host and -Proto only from a trusted proxy", () => {
    const behind = (peer: string) =>
      from(peer, { host: "10.0.0.5:3000", "x-forwarded-host": "rolescope.example", "x-forwarded-proto": "https", origin: "https://rolescope.example" });
    const oneHop = parseTrustedProxies("1");
    const listed = parseTrustedProxies("10.1.0.0/16");
    expect(isCrossOrigin(behind("10.1.2.3"), URL_, oneHop)).toBe(false);
    expect(isCrossOrigin(behind("10.1.2.3"), URL_, listed)).toBe(false);
    expect(isHttps(behind("10.1.2.3"), listed)).toBe(true);
    // The same headers from a client that is no proxy: a forged origin, and no HTTPS.
    expect(isCrossOrigin(behind("203.0.113.9"), URL_, listed)).toBe(true);
    expect(isCrossOrigin(behind("10.1.2.3"), URL_, NO_PROXIES)).toBe(true);
    expect(isHttps(behind("203.0.113.9"), listed)).toBe(false);
    expect(isHttps(from("203.0.113.9", { [PEER_PROTO_HEADER]: "https" }), NO_PROXIES)).toBe(true);
  });

  it("knows which methods change things", () => {
    expect(["GET", "head", "OPTIONS"].map(isMutating)).toEqual([false, false, false]);
    expect(["POST", "PUT", "PATCH", "DELETE"].map(isMutating)).toEqual([true, true, true, true]);
  });

  it("returns only paths that stay on the console's origin once a browser parses them", () => {
    expect(safeNextPath("/roles/eas-oss-reader?tab=trust")).toBe("/roles/eas-oss-reader?tab=trust");
    expect(safeNextPath("/services?q=a%20b#top")).toBe("/services?q=a%20b#top");
    const bad = [
      "https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/login?next=/x", "/api/auth/logout", undefined, "",
      // Browsers drop tabs and newlines anywhere in a URL: each of these is //evil.invalid to them.
      "/\t/evil.invalid", "/\n/evil.invalid", "/\r/evil.invalid", "/\r\n/evil.invalid", "\t//evil.invalid", "/\t\\evil.invalid",
      // Dot segments that collapse to a protocol-relative path.
      "/.//evil.invalid", "/./\\evil.invalid",
    ];
    for (const value of bad) expect(safeNextPath(value), JSON.stringify(value)).toBe("/");
    // A CR/LF elsewhere is dropped, never carried into a Location header.
    expect(safeNextPath("/roles\r\nSet-Cookie: x=1")).toBe("/rolesSet-Cookie:%20x=1");
  });

  it("reads cookies by exact name and takes a malformed value for no cookie", () => {
    expect(readCookie("a=1; rolescope_session=abc%3D; xrolescope_session=no", "rolescope_session")).toBe("abc=");
    expect(readCookie(null, "rolescope_session")).toBeUndefined();
    for (const bad of ["%", "%E0%A4%A", "abc%zz"]) expect(readCookie(`rolescope_session=${bad}`, "rolescope_session")).toBeUndefined();
  });
});

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(from("127.0.0.1", { "x-forwarded-for": "1.2.3.4" }), NO_PROXIES)).toBe("127.0.0.1");
    expect(clientAddress(from("::ffff:192.0.2.7", { "x-forwarded-for": "1.2.3.4, 5.6.7.8" }), NO_PROXIES)).toBe("192.0.2.7");
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4" }), NO_PROXIES)).toBe("unknown");
  });

  it("with a hop count, is the entry that many hops in from the socket", () => {
    const headers = from("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.1" });
    expect(clientAddress(headers, parseTrustedProxies("1"))).toBe("10.0.0.1");
    expect(clientAddress(headers, parseTrustedProxies("2"))).toBe("198.51.100.4");
    // More hops than entries: the leftmost entry, the farthest any proxy vouches for.
    expect(clientAddress(from("10.0.0.2", { "x-forwarded-for": "198.51.100.4" }), parseTrustedProxies("3"))).toBe("198.51.100.4");
  });

  it("with a list, is the first address from the right that is not a listed proxy", () => {
    const rule = parseTrustedProxies("10.0.0.0/8, 192.168.1.7, fd00::/8");
    expect(clientAddress(from("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 198.51.100.4, 192.168.1.7" }), rule)).toBe("198.51.100.4");
    expect(clientAddress(from("fd00::1", { "x-forwarded-for": "2001:db8::5" }), rule)).toBe("2001:db8::5");
    // A client that reaches the console directly cannot name an address by adding hops.
    expect(clientAddress(from("198.51.100.4", { "x-forwarded-for": "10.0.0.3" }), rule)).toBe("198.51.100.4");
  });

  it("refuses a setting that is neither a hop count nor a list of addresses", () => {
    for (const bad of ["10.0.0.0/33", "proxy.example", "1.2.3.4/8/1", "11"]) expect(() => parseTrustedProxies(bad), bad).toThrow();
    expect(parseTrustedProxies("")).toEqual(NO_PROXIES);
    expect(parseTrustedProxies("0")).toEqual(NO_PROXIES);
  });
});
