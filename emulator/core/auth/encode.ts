import { createHash, createHmac } from "node:crypto";

/** encodeURIComponent that also escapes `! ' ( ) *`, as the Alibaba Cloud signers do. */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export const sha256Hex = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");
export const hmacSha256Hex = (key: string, data: string) => createHmac("sha256", key).update(data, "utf8").digest("hex");
export const hmacSha1Base64 = (key: string, data: string) => createHmac("sha1", key).update(data, "utf8").digest("base64");

/** Decodes a raw query string without turning `+` into a space (the signers send `%20`). */
export function decodeQuery(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  for (const part of raw.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const k = eq < 0 ? part : part.slice(0, eq);
    const v = eq < 0 ? "" : part.slice(eq + 1);
    try {
      out[decodeURIComponent(k)] = decodeURIComponent(v);
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
