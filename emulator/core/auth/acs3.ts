// ACS3-HMAC-SHA256: rebuilds the canonical request from what arrived and compares signatures.
import type { IncomingHttpHeaders } from "node:http";
import { ApiError } from "../contract";
import { canonicalPath, hmacSha256Hex, percentEncode, sameString, sha256Hex } from "./encode";

export const ACS3 = "ACS3-HMAC-SHA256";

export interface Acs3Authorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

export function parseAcs3(header: string): Acs3Authorization {
  const m = /^ACS3-HMAC-SHA256\s+Credential=([^,]+),\s*SignedHeaders=([^,]*),\s*Signature=([0-9a-fA-F]+)$/.exec(header.trim());
  if (!m) throw new ApiError(400, "IncompleteSignature", "The Authorization header is not a valid ACS3-HMAC-SHA256 authorization.");
  return { accessKeyId: m[1], signedHeaders: m[2].split(";").filter(Boolean), signature: m[3].toLowerCase() };
}

export interface SignedRequest {
  method: string;
  /** The path as it arrived, still percent-encoded. */
  rawPath: string;
  query: Record<string, string>;
  /** Parameters of a form-encoded body (RPC V1 clients); ACS3 covers the body through its hash instead. */
  form?: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function header(headers: IncomingHttpHeaders, name: string): string {
  const v = headers[name];
  return (Array.isArray(v) ? v.join(",") : (v ?? "")).trim();
}

function acs3StringToSign(req: SignedRequest, signedHeaders: string[]): string {
  // Path and query in their RFC 3986 form, however the client escaped them on the wire.
  const uri = canonicalPath(req.rawPath);
  const query = Object.keys(req.query)
    .sort()
    .map((k) => `${k}=${percentEncode(req.query[k])}`)
    .join("&");
  const names = [...signedHeaders].map((h) => h.toLowerCase()).sort();
  const canonicalHeaders = names.map((h) => `${h}:${header(req.headers, h)}\n`).join("");
  const canonical = [req.method, uri, query, canonicalHeaders, names.join(";"), header(req.headers, "x-acs-content-sha256")].join("\n");
  return `${ACS3}\n${sha256Hex(canonical)}`;
}

/** Throws SignatureDoesNotMatch unless the request was signed with `secret` over exactly these bytes. */
export function verifyAcs3(req: SignedRequest, auth: Acs3Authorization, secret: string): void {
  for (const required of ["host", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"]) {
    if (!auth.signedHeaders.includes(required)) {
      throw new ApiError(400, "IncompleteSignature", `The header ${required} must be signed.`);
    }
  }
  const declared = header(req.headers, "x-acs-content-sha256");
  if (!sameString(declared.toLowerCase(), sha256Hex(req.body))) {
    throw new ApiError(400, "SignatureDoesNotMatch", "The x-acs-content-sha256 header does not match the request body.");
  }
  const stringToSign = acs3StringToSign(req, auth.signedHeaders);
  if (!sameString(hmacSha256Hex(secret, stringToSign), auth.signature)) {
    throw new ApiError(
      400,
      "SignatureDoesNotMatch",
      `Specified signature does not match our calculation. server string to sign is:${stringToSign}`,
    );
  }
}
