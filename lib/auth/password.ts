import "server-only";
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { rule, type FieldRule } from "../errors/render";
import { DEMO_USERS } from "./demo-users";

// scrypt with N=2^15, r=6: 24 MiB per hash and ~95 ms on a 2-core server (r=8 took ~145 ms,
// too close to the 150 ms sign-in budget). The parameters
// are stored with each hash so they can be raised later without invalidating old ones.
const PARAMS = { N: 2 ** 15, r: 6, p: 1 } as const;
const KEY_LEN = 32;

function scrypt(password: string, salt: Buffer, keyLen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password, salt, keyLen, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

const maxmem = (N: number, r: number) => 128 * N * r * 2;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LEN, { ...PARAMS, maxmem: maxmem(PARAMS.N, PARAMS.r) });
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every(Number.isSafeInteger) || N > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4], "base64");
  const expected = Buffer.from(parts[5], "base64");
  const key = await scrypt(password, salt, expected.length, { N, r, p, maxmem: maxmem(N, r) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// Verifying against this when the username is unknown keeps both answers equally slow.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(12).toString("base64"));
  return dummy;
}

export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

// What a new password must be besides long: not guessable by a cracking program that knows
// common passwords, words, names, keyboard walks and repeats (zxcvbn's estimate), not the
// username, and not one of the demo passwords RoleScope publishes (outside demo mode).

/** zxcvbn's scale: 3 is "safely unguessable" (about 10^8 guesses), enough for an online attack that is rate-limited. */
const MIN_PASSWORD_SCORE = 3;

/**
 * zxcvbn answers its feedback as the keys of these "translations" (`straightRow`, `useWords`), so
 * the console words it from its own catalogs in the reader's language (errors.rule.passwordWeak).
 */
const FEEDBACK_KEYS = {
  warnings: Object.fromEntries(Object.keys(en.translations.warnings).map((k) => [k, k])) as typeof en.translations.warnings,
  suggestions: Object.fromEntries(Object.keys(en.translations.suggestions).map((k) => [k, k])) as typeof en.translations.suggestions,
  timeEstimation: en.translations.timeEstimation,
};

let estimator: ZxcvbnFactory | undefined;
// Built on first use: the dictionaries take a moment to load and most requests never need them.
function estimate(password: string, userInputs: string[]) {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: FEEDBACK_KEYS,
  });
  return estimator.check(password, userInputs);
}

export interface PasswordContext {
  username: string;
  demo: boolean;
}

/** The rule a password breaks, as a field message, or undefined when it may be used. */
export function passwordProblem(password: string, ctx: PasswordContext): FieldRule | undefined {
  const folded = password.trim().toLowerCase();
  if (folded === ctx.username.trim().toLowerCase()) return rule("passwordIsUsername");
  if (!ctx.demo && DEMO_USERS.some((u) => u.password === folded)) return rule("passwordDemo");
  const result = estimate(password, [ctx.username, "rolescope"]);
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  // Keys the catalog does not know (a newer zxcvbn) read as its general advice ("other").
  return rule("passwordWeak", { why: result.feedback.warning ?? "other", hint: result.feedback.suggestions[0] ?? "other" });
}
