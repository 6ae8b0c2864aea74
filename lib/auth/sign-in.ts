import "server-only";
import { dummyHash, verifyPassword } from "./password";
import { hashSessionId, newSessionId } from "./tokens";
import { toConsoleUser, type AuthDeps, type ConsoleUser } from "./types";

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

export type SignInResult =
  | { ok: true; user: ConsoleUser; sessionId: string; expiresAt: number }
  | { ok: false; reason: "invalid" | "rate_limited" };

export interface SignInInput {
  username: string;
  password: string;
  address: string;
  /** The session the browser held before, if any: signing in always issues a new id. */
  previousSessionId?: string;
}

const accountBucket = (username: string) => `account:${username.toLowerCase()}`;
const addressBucket = (address: string) => `address:${address}`;

// One answer for an unknown name, a wrong password and a disabled account, so none can be told apart.
export async function signIn(deps: AuthDeps, input: SignInInput): Promise<SignInResult> {
  const { stores, audit } = deps;
  const now = deps.now();
  const since = now - LOGIN_WINDOW_MS;
  const buckets = [accountBucket(input.username), addressBucket(input.address)];
  const [byAccount, byAddress] = await Promise.all(buckets.map((b) => stores.loginFailures.count(b, since)));
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) {
    await audit.append({ actor: input.username, action: "auth.login", target: input.username, outcome: "denied", detail: { reason: "rate_limited", address: input.address } });
    return { ok: false, reason: "rate_limited" };
  }

  const user = await stores.users.findByUsername(input.username);
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !matches || user.disabled) {
    await stores.loginFailures.record(buckets, now);
    await audit.append({
      actor: input.username,
      action: "auth.login",
      target: input.username,
      outcome: "failure",
      detail: { reason: !user ? "unknown_user" : user.disabled && matches ? "disabled" : "wrong_password", address: input.address },
    });
    return { ok: false, reason: "invalid" };
  }

  if (input.previousSessionId) await stores.sessions.revoke(hashSessionId(input.previousSessionId));
  await stores.loginFailures.clear(accountBucket(input.username));
  const sessionId = newSessionId();
  const expiresAt = now + deps.policy.absoluteMs;
  await stores.sessions.create({ idHash: hashSessionId(sessionId), userId: user.id, createdAt: now, lastSeenAt: now, expiresAt });
  await audit.append({ actor: user.username, action: "auth.login", target: user.username, outcome: "success", detail: { address: input.address } });
  return { ok: true, user: toConsoleUser(user), sessionId, expiresAt };
}
