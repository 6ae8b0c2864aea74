import { createHash, createHmac } from "node:crypto";

/**
 * RFC 3986: everything but ALPHA / DIGIT / "-" / "." / "_" / "~" percent-encoded (UTF-8, upper-case
 * hex), as the Alibaba Cloud signers encode query values and as the console encodes path segments.
 */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** One path segment as it arrived, decoded; a raw `+` is a space, as the SDK signer reads it. Undefined when malformed. */
export function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, "%20"));
  } catch {
    return undefined;
  }
}

/** The canonical form of a path: each segment decoded, then encoded by RFC 3986 (a malformed one kept as sent). */
export function canonicalPath(rawPath: string): string {
  return rawPath
    .split("/")
    .map((seg) => {
      const decoded = decodeSegment(seg);
      return decoded === undefined ? seg : percentEncode(decoded);
    })
    .join("/");
}

export const sha256Hex = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");
export const hmacSha256Hex = (key: string, data: string) => createHmac("sha256", key).update(data, "utf8").digest("hex");
export const hmacSha1Base64 = (key: string, data: string) => createHmac("sha1", key).update(data, "utf8").digest("base64");

/**
 * Decodes a query string or a form body as application/x-www-form-urlencoded: `+` is a space (Go's
 * url.Values, and so alibaba-cloud-sdk-go, sends one so), and a literal plus arrives as `%2B`.
 */
export function decodeQuery(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, "%20"));
  for (const part of raw.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const k = eq < 0 ? part : part.slice(0, eq);
    const v = eq < 0 ? "" : part.slice(eq + 1);
    try {
      out[decode(k)] = decode(v);
    } catch {
      out[k] = v;
    }
  }
  return out;
}

/** Constant-time string comparison. */
export function sameString(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
