import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gateRequestBody, readBodyBytes } from "../../lib/http/body-limit";

// The socket-level cut on a plain Node server, as `next start` serves: the handler reads the body
// the way Next does (to its end) and answers; the client keeps sending until it hears back.

const MAX = 64 * 1024;
let server: http.Server;
let port: number;
const seen: number[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    gateRequestBody(req, MAX);
    let n = 0;
    req.on("data", (c: Buffer) => (n += c.length));
    req.on("end", () => {
      seen.push(n);
      res.writeHead(n > MAX || Number(req.headers["content-length"]) > MAX ? 413 : 200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Sends 16 KiB chunks until the server answers (or 32 MiB); resolves with the status and what was sent. */
function flood(headers: Record<string, string>): Promise<{ status: number; sent: number }> {
  return new Promise((resolve) => {
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(16 * 1024, 0x61);
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/", headers, agent: false }, (res) => {
      answered = true;
      res.resume();
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, sent });
        req.destroy();
      });
    });
    req.on("error", () => {});
    const pump = () => {
      while (!answered && sent < 32 * 1024 * 1024) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
    };
    pump();
  });
}

describe("gateRequestBody", () => {
  it("ends a chunked body once it passes the cap, and the client hears 413 while it is still sending", async () => {
    seen.length = 0;
    const out = await flood({ "transfer-encoding": "chunked" });
    expect(out.status).toBe(413);
    // The handler got the cap and at most one chunk more; the client could not push 32 MiB through.
    expect(seen[0]).toBeGreaterThan(MAX);
    expect(seen[0]).toBeLessThanOrEqual(MAX + 64 * 1024);
    expect(out.sent).toBeLessThan(32 * 1024 * 1024);
  });

  it("ends a body declaring more than the cap before reading any of it", async () => {
    seen.length = 0;
    const out = await flood({ "content-length": String(60 * 1024 * 1024) });
    expect(out.status).toBe(413);
    expect(seen).toEqual([0]);
  });

  it("leaves a body under the cap whole, and the route's reader reads it", async () => {
    const body = "x".repeat(MAX);
    const req = new Request("http://127.0.0.1/", { method: "POST", body, headers: { "content-length": String(body.length) } });
    expect((await readBodyBytes(req, MAX)).byteLength).toBe(MAX);
    const over = new Request("http://127.0.0.1/", { method: "POST", body: body + "y" });
    await expect(readBodyBytes(over, MAX)).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
  });
});
