import { beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER, PEER_PROTO_HEADER } from "../../lib/net/client-address";

// The sign-in and session routes as the browser meets them, with the request headers the peer
// stamp leaves on every request. A store in memory, with the demo users.
process.env.DB_PATH = ":memory:";
process.env.ROLESCOPE_DEMO = "true";

type Route = (req: Request, ctx?: unknown) => Promise<Response>;
let login: Route;
let logout: Route;
let me: Route;
let auditEntries: () => Promise<{ outcome: string; detail: Record<string, unknown> | null; actor: string }[]>;

beforeAll(async () => {
  const { getStores } = await import("../../lib/db");
  const { createAuditLog } = await import("../../lib/audit/audit-log");
  const { bootstrapUsers } = await import("../../lib/auth/bootstrap");
  await bootstrapUsers(getStores(), createAuditLog(getStores().audit), { demo: true, log: () => {} });
  login = (await import("../../app/api/auth/login/route")).POST as Route;
  logout = (await import("../../app/api/auth/logout/route")).POST as Route;
  me = (await import("../../app/api/auth/me/route")).GET as Route;
  auditEntries = async () => (await getStores().audit.list({ action: "auth.login" }, 0, 1000)).entries;
});

const BASE = "http://127.0.0.1:3000";
function post(path: string, body: string, headers: Record<string, string>, peer = "127.0.0.1") {
  return new Request(`${BASE}${path}`, { method: "POST", body, headers: { host: "127.0.0.1:3000", [PEER_HEADER]: peer, [PEER_PROTO_HEADER]: "http", ...headers } });
}
const json = (username: string, password: string, headers: Record<string, string> = {}, peer?: string) =>
  login(post("/api/auth/login", JSON.stringify({ username, password }), { "content-type": "application/json", ...headers }, peer));

describe("POST /api/auth/login", () => {
  it("counts every spoofed X-Forwarded-For against the socket's address, and audits that address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await json(`nobody${i}`, "wrong", { "x-forwarded-for": `203.0.113.${i}` }, "192.0.2.66")).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429]);
    // Adding a hop does not get the blocked address through.
    expect((await json("nobody", "wrong", { "x-forwarded-for": "198.51.100.1, 203.0.113.99" }, "192.0.2.66")).status).toBe(429);
    const addresses = new Set((await auditEntries()).filter((e) => e.actor.startsWith("nobody")).map((e) => e.detail?.address));
    expect(addresses).toEqual(new Set(["192.0.2.66"]));
  });

  it("answers a refusal with 429, the rate_limited code and Retry-After", async () => {
    for (let i = 0; i < 5; i++) await json("carol", "wrong", {}, "192.0.2.77");
    const res = await json("carol", "carol-demo-pass", {}, "192.0.2.77");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("900");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });

  it("lets the owner in with the right password while other addresses flood the account", async () => {
    expect((await json("bob", "bob-demo-pass", {}, "192.0.2.10")).status).toBe(200);
    for (let i = 0; i < 40; i++) await json("bob", `guess-${i}`, {}, `198.51.100.${i}`);
    expect((await json("bob", "bob-demo-pass", {}, "192.0.2.10")).status).toBe(200);
  });

  it("treats a malformed session cookie as no session: sign-in works and /me says unauthenticated", async () => {
    for (const cookie of ["rolescope_session=%", "rolescope_session=%E0%A4%A"]) {
      expect((await json("alice", "alice-demo-pass", { cookie }, "192.0.2.20")).status).toBe(200);
      const who = await me(new Request(`${BASE}/api/auth/me`, { headers: { cookie, [PEER_HEADER]: "192.0.2.20" } }));
      expect(who.status).toBe(401);
      expect(((await who.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
      const out = await logout(post("/api/auth/logout", "", { cookie }, "192.0.2.20"));
      expect(out.status).toBe(303);
    }
  });

  it("answers a form login with CR/LF or a tab in next with a 303 that stays on the site", async () => {
    const form = (next: string) =>
      login(post("/api/auth/login", new URLSearchParams({ username: "alice", password: "alice-demo-pass", next }).toString(), { "content-type": "application/x-www-form-urlencoded" }, "192.0.2.21"));
    const crlf = await form("/roles\r\nSet-Cookie: pwned=1");
    expect(crlf.status).toBe(303);
    expect(crlf.headers.get("location")).toBe("/rolesSet-Cookie:%20pwned=1");
    expect(crlf.headers.getSetCookie().some((c) => c.startsWith("pwned"))).toBe(false);
    for (const next of ["/\t/evil.invalid", "/\r\n/evil.invalid", "/\\evil.invalid"]) expect((await form(next)).headers.get("location")).toBe("/");
    const jsonLogin = await login(post("/api/auth/login", JSON.stringify({ username: "alice", password: "alice-demo-pass", next: "/\t/evil.invalid" }), { "content-type": "application/json" }, "192.0.2.21"));
    expect(((await jsonLogin.json()) as { next: string }).next).toBe("/");
  });

  it("believes X-Forwarded-Host only from a trusted proxy: a client naming its own host is cross-origin", async () => {
    const forged = await login(
      post("/api/auth/login", JSON.stringify({ username: "alice", password: "alice-demo-pass" }), {
        "content-type": "application/json",
        origin: "http://evil.example",
        "x-forwarded-host": "evil.example",
      }),
    );
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("cross_origin");
  });
});

describe("request bodies past ROLESCOPE_MAX_BODY_BYTES (1 MiB by default)", () => {
  const MiB = 1024 * 1024;
  /** An endless body in 64 KiB chunks that counts how many were pulled. */
  function endless() {
    const seen = { chunks: 0, cancelled: false };
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        seen.chunks++;
        controller.enqueue(chunk);
      },
      cancel() {
        seen.cancelled = true;
      },
    });
    return { stream, seen };
  }
  const streamed = (stream: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
    new Request(`${BASE}/api/auth/login`, { method: "POST", body: stream, duplex: "half", headers: { host: "127.0.0.1:3000", [PEER_HEADER]: "192.0.2.200", [PEER_PROTO_HEADER]: "http", ...headers } } as RequestInit);
  const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  it("refuses an anonymous sign-in declaring 60 MB with 413 payload_too_large before reading any of it", async () => {
    const { stream, seen } = endless();
    const res = await login(streamed(stream, { "content-type": "application/json", "content-length": String(60 * MiB) }));
    expect([res.status, await codeOf(res)]).toEqual([413, "payload_too_large"]);
    // The stream starts one pull ahead by itself; the console read nothing of it.
    expect(seen.chunks).toBeLessThanOrEqual(1);
  });

  it("refuses a chunked body without Content-Length once it passes the cap, leaving the rest unread", async () => {
    for (const type of ["application/json", "application/x-www-form-urlencoded"]) {
      const { stream, seen } = endless();
      const res = await login(streamed(stream, { "content-type": type }));
      expect([type, res.status, await codeOf(res)]).toEqual([type, 413, "payload_too_large"]);
      // 1 MiB is 16 chunks of 64 KiB: the 17th passes the cap, and reading stops there.
      expect(seen.chunks).toBeLessThanOrEqual(18);
      expect(seen.cancelled).toBe(true);
    }
  });

  it("still reads a body under the cap, JSON or form", async () => {
    expect((await json("carol", "carol-demo-pass", {}, "192.0.2.201")).status).toBe(200);
    const form = await login(post("/api/auth/login", new URLSearchParams({ username: "carol", password: "carol-demo-pass" }).toString(), { "content-type": "application/x-www-form-urlencoded" }, "192.0.2.201"));
    expect(form.status).toBe(303);
  });
});
