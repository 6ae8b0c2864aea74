import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { ApiError } from "./contract";
import { RAM_HOST_ID } from "./defaults";

/** Request line plus headers. */
export const MAX_HEADER_BYTES = 64 * 1024;

/** Reads the whole body; ROA clients send it chunked with no content-length. */
export function readBody(req: IncomingMessage, limit = 8 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new ApiError(413, "RequestEntityTooLarge", "The request body is too large."));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json;charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** The error body RAM, STS and EAS answer with. */
export function errorBody(err: ApiError, requestId: string, hostId: string): Record<string, unknown> {
  return {
    RequestId: requestId,
    HostId: hostId,
    Code: err.code,
    Message: err.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(err.code)}&product=${hostId.split(".")[0].toUpperCase()}`,
    ...err.extra,
  };
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

/** `2015-01-23T12:33:18Z`: RAM's date format (no milliseconds). */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A request Node could not parse (too long, malformed) still gets a JSON answer the SDKs can read. */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? 431 : 400;
  const apiError = tooLarge
    ? new ApiError(431, "RequestHeaderFieldsTooLarge", `The request line and headers must be at most ${MAX_HEADER_BYTES} bytes.`)
    : new ApiError(400, "BadRequest", "The request could not be parsed as HTTP/1.1.");
  const text = JSON.stringify(errorBody(apiError, newRequestId(), RAM_HOST_ID));
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? "Request Header Fields Too Large" : "Bad Request"}\r\n` +
      `Content-Type: application/json;charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}
