import "server-only";
import { dummyHash, verifyPassword } from "./password";
import { hashSessionId, newSessionId } from "./session-core";
import { toConsoleUser, type AuthDeps } from "./types";
import type { ConsoleUser } from "../actor";
import { DEMO_USERS, type DemoUser } from "./demo-users";

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

// Sign-in limits, kept in the store so every replica sees the same counts:
// - per (account, address): a few failures stop that address guessing that account;
// - per address: a few dozen failures stop one address spraying many accounts;
// - per account, from everywhere: past a threshold each further guess waits, and the wait
//   doubles with each failure. Addresses the account signed in from before skip this wait, so
//   a flood from elsewhere slows the guessers without locking the owner out.
// A refusal is audited once per limit and window (a burst), not once per try.

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT_ADDRESS = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;
/** Failures for one account, from anywhere, before each further guess must wait. */
export const ACCOUNT_FAILURES_BEFORE_DELAY = 10;
const ACCOUNT_DELAY_BASE_MS = 1_000;
export const ACCOUNT_DELAY_MAX_MS = 5 * 60_000;
/** How long an address the account signed in from counts as the owner's. */
const KNOWN_ADDRESS_MS = 30 * 24 * 3_600_000;

type LimitName = "account_address" | "address" | "account";

interface Limited {
  limit: LimitName;
  retryAfterSeconds: number;
  failures: number;
}

const key = (username: string) => username.toLowerCase();
const buckets = {
  account: (username: string) => `account:${key(username)}`,
  address: (address: string) => `address:${address}`,
  pair: (username: string, address: string) => `pair:${key(username)}|${address}`,
  known: (username: string, address: string) => `known:${key(username)}|${address}`,
  audited: (bucket: string) => `audited:${bucket}`,
};

/** The wait before the next guess at an account that has failed `failures` times in the window. */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_FAILURES_BEFORE_DELAY) return 0;
  return Math.min(ACCOUNT_DELAY_MAX_MS, ACCOUNT_DELAY_BASE_MS * 2 ** (failures - ACCOUNT_FAILURES_BEFORE_DELAY));
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The limit this attempt runs into, if any. Nothing is written. */
async function checkSignInLimits(deps: AuthDeps, username: string, address: string): Promise<Limited | undefined> {
  const store = deps.stores.loginFailures;
  const now = deps.now();
  const since = now - LOGIN_WINDOW_MS;
  const [byAddress, byPair, byAccount] = await Promise.all([
    store.count(buckets.address(address), since),
    store.count(buckets.pair(username, address), since),
    store.count(buckets.account(username), since),
  ]);
  const window = seconds(LOGIN_WINDOW_MS);
  if (byAddress >= MAX_FAILURES_PER_ADDRESS) return { limit: "address", retryAfterSeconds: window, failures: byAddress };
  if (byPair >= MAX_FAILURES_PER_ACCOUNT_ADDRESS) return { limit: "account_address", retryAfterSeconds: window, failures: byPair };
  const delay = accountDelayMs(byAccount);
  // A failure inside the last `delay` means the next guess is not due yet.
  if (delay === 0 || (await store.count(buckets.account(username), now - delay)) === 0) return undefined;
  if ((await store.count(buckets.known(username, address), now - KNOWN_ADDRESS_MS)) > 0) return undefined;
  return { limit: "account", retryAfterSeconds: seconds(delay), failures: byAccount };
}

async function recordFailure(deps: AuthDeps, username: string, address: string): Promise<void> {
  await deps.stores.loginFailures.record([buckets.account(username), buckets.address(address), buckets.pair(username, address)], deps.now());
}

/** A success clears this address's failures for the account and marks the address as the owner's. */
async function recordSuccess(deps: AuthDeps, username: string, address: string): Promise<void> {
  const store = deps.stores.loginFailures;
  await store.clear(buckets.pair(username, address));
  await store.clear(buckets.known(username, address));
  await store.record([buckets.known(username, address)], deps.now());
}

/** True once per limit and window: the first refusal of a burst is audited, the rest are not. */
async function firstRefusalOfBurst(deps: AuthDeps, limited: Limited, username: string, address: string): Promise<boolean> {
  const store = deps.stores.loginFailures;
  const limitBucket = limited.limit === "address" ? buckets.address(address) : limited.limit === "account" ? buckets.account(username) : buckets.pair(username, address);
  const marker = buckets.audited(limitBucket);
  if ((await store.count(marker, deps.now() - LOGIN_WINDOW_MS)) > 0) return false;
  await store.record([marker], deps.now());
  return true;
}

/**
 * The demo users the sign-in page offers: only those who may sign in now (a disabled one is not
 * offered), each with the role they hold now (an admin may have changed it).
 */
export async function listDemoAccounts(deps: Pick<AuthDeps, "stores">): Promise<DemoUser[]> {
  const found = await Promise.all(DEMO_USERS.map(async (demo) => ({ demo, user: await deps.stores.users.findByUsername(demo.username) })));
  return found.filter(({ user }) => user && !user.disabled).map(({ demo, user }) => ({ ...demo, role: user!.role }));
}
