import { describe, expect, it } from "vitest";
import { bootstrapUsers } from "../../lib/auth/bootstrap";
import { DEMO_USERS } from "../../lib/auth/demo-users";
import { passwordProblem as problemRule, type PasswordContext } from "../../lib/auth/password";
import { renderFieldRule } from "../../lib/errors/render";
import { createConsoleUser } from "../../lib/auth/user-admin";
import { newUserSchema } from "../../lib/auth/user-schemas";
import { AppError } from "../../lib/errors/app-error";
import { EnvError } from "../../lib/env";
import { ADMIN } from "../support/actors";
import { harness } from "./harness";

const outsideDemo = { username: "dana", demo: false };
/** The rule in English words, as the API answers an English reader. */
const passwordProblem = (password: string, ctx: PasswordContext) => {
  const r = problemRule(password, ctx);
  return r && renderFieldRule("en", r);
};

describe("password rules", () => {
  it("refuses guessable passwords and says why", () => {
    for (const weak of ["aaaaaaaaaaaa", " ".repeat(12), "password1234", "qwertyuiop12", "Password1234!"]) {
      expect(passwordProblem(weak, outsideDemo), JSON.stringify(weak)).toMatch(/^is too easy to guess\. .+/);
    }
    expect(passwordProblem("password1234", outsideDemo)).toContain("commonly used password");
    expect(passwordProblem("aaaaaaaaaaaa", outsideDemo)).toContain("Repeated characters");
  });

  it("says why in the reader's language: zxcvbn's feedback is worded from the catalogs", () => {
    const zh = (password: string) => renderFieldRule("zh-CN", problemRule(password, outsideDemo)!);
    expect(zh("aaaaaaaaaaaa")).toBe("太容易被猜中。像“aaa”这样的重复字符很容易被猜中。再加入一些不常见的单词。");
    expect(zh("password1234")).toBe("太容易被猜中。它与常用密码相似。再加入一些不常见的单词。");
    for (const weak of ["qwertyuiop12", "Password1234!", " ".repeat(12)]) expect(zh(weak).replace(/“[^”]*”/g, "")).not.toMatch(/[A-Za-z]{3,}/);
  });

  it("refuses the username, in any case", () => {
    expect(passwordProblem("Dana-Rolescope", { username: "dana-rolescope", demo: false })).toBe("must not be the username");
  });

  it("refuses the published demo passwords outside demo mode only", () => {
    for (const { password } of DEMO_USERS) {
      expect(passwordProblem(password, outsideDemo)).toMatch(/published demo password/);
      expect(passwordProblem(password, { username: "dana", demo: true })).toBeUndefined();
    }
  });

  it("accepts passphrases and random strings", () => {
    for (const good of ["dana-initial-pass", "zebra-quilt-oven-42", "kP9#vR2!mQ7&", "correct horse battery"]) expect(passwordProblem(good, outsideDemo), good).toBeUndefined();
  });

  it("applies to console users an admin creates, naming the password field", async () => {
    const h = harness();
    const input = newUserSchema.parse({ username: "dana", displayName: "Dana", role: "engineer", password: "aaaaaaaaaaaa" });
    const err = await createConsoleUser(h.admin(), ADMIN, input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("invalid_input");
    expect((err as AppError).fields?.password).toMatch(/^is too easy to guess/);
    expect(await h.stores.users.findByUsername("dana")).toBeNull();
    const demo = await createConsoleUser(h.admin(), ADMIN, { ...input, password: "alice-demo-pass" }).catch((e: AppError) => e);
    expect((demo as AppError).fields?.password).toMatch(/published demo password/);
  });

  it("applies to ROLESCOPE_ADMIN_PASSWORD: a guessable one stops the first start and creates nobody", async () => {
    const h = harness();
    const start = (adminPassword: string) => bootstrapUsers(h.stores, h.deps.audit, { demo: false, adminPassword, log: () => {} });
    await expect(start("aaaaaaaaaaaa")).rejects.toThrow(EnvError);
    await expect(start("bob-demo-pass")).rejects.toThrow(/ROLESCOPE_ADMIN_PASSWORD: is a published demo password/);
    await expect(start("adminadmin12")).rejects.toThrow(/ROLESCOPE_ADMIN_PASSWORD: is too easy to guess/);
    expect(await h.stores.users.count()).toBe(0);
  });
});
