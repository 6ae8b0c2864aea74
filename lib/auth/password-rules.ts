import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { rule, type FieldRule } from "../errors/render";
import { DEMO_USERS } from "./demo-users";

// What a new password must be besides long: not guessable by a cracking program that knows
// common passwords, words, names, keyboard walks and repeats (zxcvbn's estimate), not the
// username, and not one of the demo passwords RoleScope publishes (outside demo mode).

/** zxcvbn's scale: 3 is "safely unguessable" (about 10^8 guesses), enough for an online attack that is rate-limited. */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
// Built on first use: the dictionaries take a moment to load and most requests never need them.
function estimate(password: string, userInputs: string[]) {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
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
  const why = result.feedback.warning ?? "A password-guessing program would find it quickly.";
  const hint = result.feedback.suggestions[0] ?? "Use a few unrelated words.";
  // zxcvbn words its feedback in English only; the rule around it is the reader's.
  return rule("passwordWeak", { why, hint });
}
