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

  it("keeps one verification under the 150 ms sign-in budget", async () => {
    const hash = await hashPassword("timing-password");
    // The fastest of three, so a busy test machine measures the KDF rather than its own load.
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await verifyPassword("timing-password", hash);
      times.push(performance.now() - start);
    }
    expect(Math.min(...times)).toBeLessThan(150);
  });

  it("generates long random passwords", () => {
    const a = generatePassword();
    expect(a.length).toBeGreaterThanOrEqual(20);
    expect(generatePassword()).not.toBe(a);
  });
});
