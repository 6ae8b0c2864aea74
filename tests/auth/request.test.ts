import { describe, expect, it } from "vitest";
import { clientAddress, isCrossOrigin, isMutating, readCookie, safeNextPath } from "../../lib/auth/request";

const h = (init: Record<string, string>) => new Headers(init);
const URL_ = "http://127.0.0.1:3000/api/auth/users";

describe("request facts", () => {
  it("treats a write from another origin as cross-origin, and same-origin or non-browser calls as not", () => {
    expect(isCrossOrigin(h({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }), URL_)).toBe(false);
    expect(isCrossOrigin(h({ host: "127.0.0.1:3000", origin: "http://evil.example" }), URL_)).toBe(true);
    expect(isCrossOrigin(h({ host: "127.0.0.1:3000", origin: "https://127.0.0.1:3000" }), URL_)).toBe(true);
    expect(isCrossOrigin(h({ host: "127.0.0.1:3000", origin: "null" }), URL_)).toBe(true);
    expect(isCrossOrigin(h({ host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" }), URL_)).toBe(true);
    expect(isCrossOrigin(h({ host: "127.0.0.1:3000" }), URL_)).toBe(false);
    expect(isCrossOrigin(h({ host: "rolescope.internal", "x-forwarded-proto": "https", origin: "https://rolescope.internal" }), URL_)).toBe(false);
  });

  it("knows which methods change things", () => {
    expect(["GET", "head", "OPTIONS"].map(isMutating)).toEqual([false, false, false]);
    expect(["POST", "PUT", "PATCH", "DELETE"].map(isMutating)).toEqual([true, true, true, true]);
  });

  it("returns only same-site paths after sign-in", () => {
    expect(safeNextPath("/roles/eas-oss-reader?tab=trust")).toBe("/roles/eas-oss-reader?tab=trust");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/login?next=/x", "/api/auth/logout", undefined, ""]) {
      expect(safeNextPath(bad)).toBe("/");
    }
  });

  it("reads the peer address a proxy appended last, and cookies by exact name", () => {
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4, 10.0.0.9" }))).toBe("10.0.0.9");
    expect(clientAddress(h({}))).toBe("unknown");
    expect(readCookie("a=1; rolescope_session=abc%3D; xrolescope_session=no", "rolescope_session")).toBe("abc=");
    expect(readCookie(null, "rolescope_session")).toBeUndefined();
  });
});
