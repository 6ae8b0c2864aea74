import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { DEMO_USERS } from "./demo-users";

// What a new password must be besides long: not guessable by a cracking program that knows
// common passwords, words, names, keyboard walks and repeats (zxcvbn's estimate), not the
// username, and not one of the demo passwords RoleScope publishes (outside demo mode).

/** zxcvbn's scale: 3 is "safely unguessable" (about 10^8 guesses), enough for an online attack that is rate-limited. */
const MIN_PASSWORD_SCORE = 3;

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
export function passwordProblem(password: string, ctx: PasswordContext): string | undefined {
  const folded = password.trim().toLowerCase();
  if (folded === ctx.username.trim().toLowerCase()) return "must not be the username";
  if (!ctx.demo && DEMO_USERS.some((u) => u.password === folded)) return "is a published demo password; outside demo mode choose one of your own";
  const result = estimate(password, [ctx.username, "rolescope"]);
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const why = result.feedback.warning ?? "A password-guessing program would find it quickly.";
  const hint = result.feedback.suggestions[0] ?? "Use a few unrelated words.";
  return `is too easy to guess. ${why} ${hint}`;
}
