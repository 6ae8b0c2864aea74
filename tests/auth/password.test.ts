import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyPassword } from "../../lib/auth/password";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });

  it("salts each hash and never contains the password", async () => {
    const [a, b] = await Promise.all([hashPassword("same-password-1"), hashPassword("same-password-1")]);
    expect(a).not.toBe(b);
    expect(a).not.toContain("same-password-1");
    expect(a.split("$").slice(0, 4)).toEqual(["scrypt", "32768", "6", "1"]);
  });

  it("rejects tampered or foreign hashes instead of throwing", async () => {
    const hash = await hashPassword("pw-123456789012");
    const parts = hash.split("$");
    parts[5] = Buffer.alloc(32, 1).toString("base64");
    expect(await verifyPassword("pw-123456789012", parts.join("$"))).toBe(false);
    expect(await verifyPassword("x", "bcrypt$whatever")).toBe(false);
    expect(await verifyPassword("x", "scrypt$99999999999$8$1$AA==$AA==")).toBe(false);
  });

  it("hashes with the parameters sized for the sign-in budget (bench/password.ts prints the time)", async () => {
    const [kdf, n, r, p] = (await hashPassword("timing-password")).split("$");
    expect([kdf, Number(n), Number(r), Number(p)]).toEqual(["scrypt", 2 ** 15, 6, 1]);
  });

  it("generates long random passwords", () => {
    const a = generatePassword();
    expect(a.length).toBeGreaterThanOrEqual(20);
    expect(generatePassword()).not.toBe(a);
  });
});
