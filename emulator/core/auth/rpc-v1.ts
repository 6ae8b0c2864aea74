// Legacy RPC HMAC-SHA1 (signatureAlgorithm 'v2' in the SDK, pop-core): Signature among the
// parameters, which arrive in the query or in a form-encoded body; all of them are signed.
import { ApiError } from "../contract";
import { hmacSha1Base64, percentEncode, sameString } from "./encode";

export function isRpcV1(query: Record<string, string>): boolean {
  return query.Signature !== undefined && query.SignatureMethod === "HMAC-SHA1";
}

export function verifyRpcV1(method: string, query: Record<string, string>, secret: string): void {
  const canonical = Object.keys(query)
    .filter((k) => k !== "Signature")
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(query[k])}`)
    .join("&");
  const stringToSign = `${method}&${percentEncode("/")}&${percentEncode(canonical)}`;
  if (!sameString(hmacSha1Base64(`${secret}&`, stringToSign), query.Signature)) {
    throw new ApiError(
      400,
      "SignatureDoesNotMatch",
      `Specified signature does not match our calculation. server string to sign is:${stringToSign}`,
    );
  }
}
