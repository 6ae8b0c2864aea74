import "server-only";
import { dummyHash, verifyPassword } from "./password";
import { checkSignInLimits, firstRefusalOfBurst, recordFailure, recordSuccess, type LimitName } from "./sign-in-limits";
import { hashSessionId, newSessionId } from "./session-core";
import { toConsoleUser, type AuthDeps } from "./types";
import { type ConsoleUser } from "../actor";


export type SignInResult =
  | { ok: true; user: ConsoleUser; sessionId: string; expiresAt: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; limit: LimitName; retryAfterSeconds: number };

export interface SignInInput {
  username: string;
  password: string;
  address: string;
  /** The session the browser held before, if any: signing in always issues a new id. */
  previousSessionId?: string;
}

// One answer for an unknown name, a wrong password and a disabled account, so none can be told apart.
export async function signIn(deps: AuthDeps, input: SignInInput): Promise<SignInResult> {
  const { stores, audit } = deps;
  const limited = await checkSignInLimits(deps, input.username, input.address);
  if (limited) {
    if (await firstRefusalOfBurst(deps, limited, input.username, input.address)) {
      await audit.append({
        actor: input.username,
        action: "auth.login",
        target: input.username,
        outcome: "denied",
        detail: { reason: "rate_limited", limit: limited.limit, failures: limited.failures, address: input.address, retryAfterSeconds: limited.retryAfterSeconds },
      });
    }
    return { ok: false, reason: "rate_limited", limit: limited.limit, retryAfterSeconds: limited.retryAfterSeconds };
  }

  const user = await stores.users.findByUsername(input.username);
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !matches || user.disabled) {
    await recordFailure(deps, input.username, input.address);
    await audit.append({
      actor: input.username,
      action: "auth.login",
      target: input.username,
      outcome: "failure",
      detail: { reason: !user ? "unknown_user" : user.disabled && matches ? "disabled" : "wrong_password", address: input.address },
    });
    return { ok: false, reason: "invalid" };
  }

  const now = deps.now();
  if (input.previousSessionId) await stores.sessions.revoke(hashSessionId(input.previousSessionId));
  await recordSuccess(deps, user.username, input.address);
  const sessionId = newSessionId();
  const expiresAt = now + deps.policy.absoluteMs;
  await stores.sessions.create({ idHash: hashSessionId(sessionId), userId: user.id, createdAt: now, lastSeenAt: now, expiresAt });
  await audit.append({ actor: user.username, action: "auth.login", target: user.username, outcome: "success", detail: { address: input.address } });
  return { ok: true, user: toConsoleUser(user), sessionId, expiresAt };
}
