import "server-only";
import { getEnv } from "../env";
import { AppError } from "../errors/app-error";

// Request bodies are read through here, never whole before they are measured: a declared
// Content-Length past the cap is refused before a byte is read, and a stream without one (chunked)
// is refused as soon as it passes the cap; the rest is left unread.
//
// With proxy.ts present, Next itself reads a body first: it copies it for the proxy (keeping at
// most `experimental.proxyClientMaxBodySize`, set in next.config.js to the cap plus 1 MiB, and
// dropping the rest) and waits for its end before the route runs; the route then answers 413.

function tooLarge(max: number): AppError {
  return new AppError("payload_too_large", "request.tooLarge", { values: { max } });
}

/** The body's bytes, at most `max` of them; `payload_too_large` (413) beyond. */
async function readBodyBytes(req: Request, max: number = getEnv().ROLESCOPE_MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
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
