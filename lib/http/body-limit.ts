import "server-only";
import type http from "node:http";
import { getEnv } from "../env";
import { AppError } from "../errors/app-error";

// Request bodies are read through here, never whole before they are measured: a declared
// Content-Length past the cap is refused before a byte is read, and a stream without one (chunked)
// is refused as soon as it passes the cap; the rest is left unread.
//
// Two steps, because Next itself reads a body before any route does: with proxy.ts present it
// copies the whole body (up to 10 MB, and reads and drops the rest) and waits for its end before
// the route runs. So the socket's body is cut first (`gateRequestBody`, installed with the peer
// stamp): past the cap the stream ends, and what the client still sends is dropped as it comes
// (closing the socket under unread data would reset the connection before the client reads the
// 413). The route's reader (`readBodyBytes`) then sees the declared length, or more
// bytes than the cap, and answers 413.

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export function tooLarge(max: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than the ${max} bytes the console accepts (ROLESCOPE_MAX_BODY_BYTES).`);
}

/**
 * Cuts a request's body at the socket: a declared Content-Length past `max` ends the body at once,
 * a stream ends once it passes `max` (the chunk that passed it is kept, so the reader sees more
 * than the cap). What the client sends after that is dropped, never kept.
 */
export function gateRequestBody(req: http.IncomingMessage, max: number): void {
  const push = req.push.bind(req);
  let seen = 0;
  let cut = false;
  const stop = () => {
    cut = true;
    push(null);
    // The HTTP parser drops the body of a dumped request. Next swaps the request's stream methods
    // (push among them) for its copy's once the body ends, so a later push would fail after EOF
    // and reset the connection before the 413 is read.
    (req as http.IncomingMessage & { _dumped: boolean })._dumped = true;
  };
  // The HTTP parser hands every body chunk to push(); after the cut they are dropped.
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (cut) return true;
    if (chunk === null || !(chunk instanceof Uint8Array)) return push(chunk, encoding);
    seen += chunk.byteLength;
    if (seen <= max) return push(chunk, encoding);
    push(chunk, encoding);
    stop();
    return true;
  };
  const declared = req.headers["content-length"];
  if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > max) stop();
}

/** The body's bytes, at most `max` of them; `payload_too_large` (413) beyond. */
export async function readBodyBytes(req: Request, max: number = getEnv().ROLESCOPE_MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > max) throw tooLarge(max);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The body as form fields (urlencoded or multipart), read under the cap; file parts are dropped. */
export async function readFormFields(req: Request, max?: number): Promise<Record<string, string>> {
  const bytes = await readBodyBytes(req, max);
  const form = await new Response(bytes, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  return Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
}

export async function readBodyText(req: Request, max?: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(req, max));
}
