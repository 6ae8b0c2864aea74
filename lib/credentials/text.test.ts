import { describe, expect, it } from "vitest";
import { cleanError, maskAccessKeyId, parseExpiration, safeUrl } from "./text";

describe("credential texts", () => {
  it("reads Expiration only as UTC with a Z, as STS and EAS write it", () => {
    expect(parseExpiration("2024-05-21T10:39:29Z")).toBe(Date.UTC(2024, 4, 21, 10, 39, 29));
    expect(parseExpiration("2024-05-21T10:39:29.250Z")).toBe(Date.UTC(2024, 4, 21, 10, 39, 29, 250));
    for (const bad of ["2030-01-01T08:00:00+08:00", "2030-01-01 00:00:00", "", undefined, 1700000000]) expect(() => parseExpiration(bad)).toThrow(/Expiration must be a UTC time/);
    expect(() => parseExpiration("2024-13-45T10:39:29Z")).toThrow(/not a real time/);
  });

  it("masks a key id to its first and last four characters", () => {
    expect(maskAccessKeyId("STS.NUabcdefghijklmnopqrstuvwxyz")).toBe("STS.****wxyz");
    expect(maskAccessKeyId("LTAI5tRoleScopeEmulator")).toBe("LTAI****ator");
    expect(maskAccessKeyId("short")).toBe("****");
  });

  it("blanks every secret-named field in an error text, quoted or not", () => {
    const text = cleanError(new Error('error retrieving credentials from credentialsURI result: {"AccessKeyId":"STS.x","AccessKeySecret":"s3cr3t","SecurityToken":"CAISabc"}.'));
    expect(text).toBe('error retrieving credentials from credentialsURI result: {"AccessKeyId":"STS.x","AccessKeySecret":"***","SecurityToken":"***"}.');
    expect(cleanError("access_key_secret = abc, sts_token=def")).toBe('access_key_secret = "***", sts_token="***"');
    expect(cleanError("x".repeat(1000)).length).toBeLessThanOrEqual(401);
  });

  it("shows a credentials URI without its query or user info", () => {
    expect(safeUrl("http://user:pw@127.0.0.1:8080/api/v1/credentials/0?token=abc#x")).toBe("http://127.0.0.1:8080/api/v1/credentials/0");
    expect(safeUrl("not a url")).toBe("(not a URL)");
  });
});
