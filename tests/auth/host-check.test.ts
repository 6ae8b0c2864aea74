import { afterEach, describe, expect, it, vi } from "vitest";
import { LOCAL_ADDRESS_HEADER, LOCAL_PORT_HEADER, parseAllowedHosts } from "../../lib/net/allowed-hosts";
import { PEER_HEADER, PEER_PROTO_HEADER } from "../../lib/net/client-address";

// The Host check every request passes in proxy.ts, with the stamps the socket leaves (peer, local
// address and port). The environment is read once per process, so each case loads proxy.ts afresh.
async function load(env: Record<string, string> = {}) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const { NextRequest } = await import("next/server");
  const { proxy } = await import("../../proxy");
  const { isCrossOrigin } = await import("../../lib/auth/request");
  const send = (path: string, host: string, headers: Record<string, string> = {}, peer = "127.0.0.1") =>
    proxy(
      new NextRequest(`http://127.0.0.1:3000${path}`, {
        headers: { host, [PEER_HEADER]: peer, [PEER_PROTO_HEADER]: "http", [LOCAL_ADDRESS_HEADER]: "127.0.0.1", [LOCAL_PORT_HEADER]: "3000", ...headers },
      }),
    );
  return { send, isCrossOrigin };
}
afterEach(() => void vi.unstubAllEnvs());

const passes = (res: Response) => res.status !== 421;

describe("the Host check", () => {
  it("answers loopback names on the console's own port, and 421 to any other host before any page or API runs", async () => {
    const { send } = await load();
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "LOCALHOST:3000"]) expect([host, passes(send("/login", host))]).toEqual([host, true]);
    for (const host of ["rebound.example:3000", "127.0.0.1:3001", "localhost", "127.0.0.1.nip.io:3000", "evil.example", "localhost:3000@evil"]) {
      const page = send("/login", host);
      expect([host, page.status, page.headers.get("content-type")]).toEqual([host, 421, "text/plain; charset=utf-8"]);
      const api = send("/api/auth/me", host);
      expect([host, api.status]).toEqual([host, 421]);
      expect(((await api.json()) as { error: { code: string } }).error.code).toBe("misdirected_request");
      // Nothing went on to the page: no rewrite, no request headers handed to the render.
      expect(page.headers.get("x-middleware-request-x-rolescope-path")).toBeNull();
    }
  });

  it("answers the address the request came in on (HOSTNAME), and the hosts of ROLESCOPE_ALLOWED_HOSTS", async () => {
    const { send } = await load({ ROLESCOPE_ALLOWED_HOSTS: "rolescope.example.com, 10.0.0.9:8443" });
    const lan = { [LOCAL_ADDRESS_HEADER]: "192.168.1.20" };
    expect(passes(send("/login", "192.168.1.20:3000", lan))).toBe(true);
    expect(passes(send("/login", "192.168.1.21:3000", lan))).toBe(false);
    expect(passes(send("/login", "rolescope.example.com"))).toBe(true);
    expect(passes(send("/login", "ROLESCOPE.example.com:3000"))).toBe(true);
    expect(passes(send("/login", "10.0.0.9:8443"))).toBe(true);
    expect(passes(send("/login", "10.0.0.9:3000"))).toBe(false);
    expect(passes(send("/login", "other.example.com"))).toBe(false);
  });

  it("behind a trusted proxy checks the forwarded host, and the cross-site check expects that same host", async () => {
    const { send, isCrossOrigin } = await load({ ROLESCOPE_TRUSTED_PROXIES: "10.0.0.2", ROLESCOPE_ALLOWED_HOSTS: "rolescope.example.com" });
    const viaProxy = (forwarded: string) => ({ "x-forwarded-host": forwarded, "x-forwarded-proto": "https" });
    expect(passes(send("/login", "127.0.0.1:3000", viaProxy("rolescope.example.com"), "10.0.0.2"))).toBe(true);
    expect(passes(send("/login", "127.0.0.1:3000", viaProxy("rebound.example"), "10.0.0.2"))).toBe(false);
    // A client that is not the proxy cannot pick the checked host with X-Forwarded-Host.
    expect(passes(send("/login", "127.0.0.1:3000", viaProxy("rebound.example"), "192.0.2.9"))).toBe(true);
    expect(passes(send("/login", "rebound.example", viaProxy("rolescope.example.com"), "192.0.2.9"))).toBe(false);

    const headers = (origin: string) => new Headers({ host: "127.0.0.1:3000", origin, [PEER_HEADER]: "10.0.0.2", "x-forwarded-host": "rolescope.example.com", "x-forwarded-proto": "https" });
    expect(isCrossOrigin(headers("https://rolescope.example.com"), "http://127.0.0.1:3000/api/refresh")).toBe(false);
    expect(isCrossOrigin(headers("http://127.0.0.1:3000"), "http://127.0.0.1:3000/api/refresh")).toBe(true);
  });

  it("refuses a ROLESCOPE_ALLOWED_HOSTS entry that is not a host[:port], naming it", () => {
    expect(parseAllowedHosts("a.example.com, [::1]:3000, 10.0.0.5")).toEqual([{ name: "a.example.com" }, { name: "::1", port: 3000 }, { name: "10.0.0.5" }]);
    expect(() => parseAllowedHosts("https://a.example.com")).toThrow(/"https:\/\/a.example.com"/);
    expect(() => parseAllowedHosts("a.example.com:99999")).toThrow(/99999/);
  });
});
