import http from "node:http";
import { expect, test } from "@playwright/test";

// What a hostile client meets over a real socket: another site's name in Host (DNS rebinding),
// and bodies larger than the console reads. Plain node:http, so every header is as sent.

function send(baseURL: string, opts: { method?: string; path: string; headers?: Record<string, string>; body?: boolean }): Promise<{ status: number; body: string; sent: number }> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request({ host: url.hostname, port: url.port, method: opts.method ?? "GET", path: opts.path, headers: opts.headers, agent: false }, (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body, sent });
        req.destroy();
      });
    });
    req.on("error", (err) => (sent > 0 ? resolve({ status: -1, body: String(err), sent }) : reject(err)));
    if (!opts.body) return void req.end();
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    // 3 MiB, or less if the console answers first (Next's proxy layer reads a body to its end).
    const pump = () => {
      while (!answered && sent < 3 * 1024 * 1024) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test.describe("hostile HTTP", () => {
  test("another host name gets 421 on pages and the API; the console's own names are answered", async ({ baseURL }) => {
    const port = new URL(baseURL!).port;
    for (const path of ["/login", "/api/health"]) {
      const rebound = await send(baseURL!, { path, headers: { host: `rebound.example:${port}` } });
      expect([path, rebound.status]).toEqual([path, 421]);
      expect(rebound.body).not.toContain("demo");
    }
    expect(JSON.parse((await send(baseURL!, { path: "/api/health", headers: { host: "rebound.example" } })).body)).toMatchObject({ error: { code: "misdirected_request" } });
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) expect([host, (await send(baseURL!, { path: "/api/health", headers: { host } })).status]).toEqual([host, 200]);
  });

  test("a sign-in body past 1 MiB gets 413 payload_too_large, by Content-Length or chunked", async ({ baseURL }) => {
    const declared = await send(baseURL!, { method: "POST", path: "/api/auth/login", headers: { "content-type": "application/json", "content-length": String(3 * 1024 * 1024) }, body: true });
    expect(declared.status).toBe(413);
    const chunked = await send(baseURL!, { method: "POST", path: "/api/auth/login", headers: { "content-type": "application/json", "transfer-encoding": "chunked" }, body: true });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toMatchObject({ error: { code: "payload_too_large" } });
  });
});
