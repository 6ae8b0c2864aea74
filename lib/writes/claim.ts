import { randomUUID } from "node:crypto";
import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";
import type { WriteDeps } from "./run-plan";

// A previewed plan is applied once at a time, whichever replica is asked: the apply claims the
// plan's token in the store before it reads the account, so applies racing on one token find
// it taken and write nothing. The claim is given back when the run ends; an apply that comes
// later reads the account the first one changed, so its plan (and token) no longer matches.
// A process that dies mid-run leaves its claim, which runs out after CLAIM_MS.

const CLAIM_MS = 10 * 60_000;

/** Takes the plan's token or throws `conflict`; resolves to the release. */
export async function claimPlan(deps: WriteDeps, token: string): Promise<() => Promise<void>> {
  const holder = randomUUID();
  const now = new Date();
  const taken = await deps.claims.take(token, holder, now.toISOString(), new Date(now.getTime() + CLAIM_MS).toISOString());
  if (!taken) {
    throw new AppError("conflict", "writes.planClaimed", { fields: { token: rule("planClaimed") } });
  }
  return () => deps.claims.release(token, holder).catch(() => {});
}

/** Runs `fn` holding the plan's claim; the claim is released however `fn` ends. */
export async function whileClaimed<T>(deps: WriteDeps, token: string, fn: () => Promise<T>): Promise<T> {
  const release = await claimPlan(deps, token);
  try {
    return await fn();
  } finally {
    await release();
  }
}
