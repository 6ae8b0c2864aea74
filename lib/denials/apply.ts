import "server-only";
import type { Actor } from "../actor";
import type { RamGateway } from "../cloud/types";
import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";
import { applyRun } from "../setup/apply-plan";
import type { PlanOutcome, WriteDeps } from "../writes/run-plan";
import { explain, smallestFix } from "./explain";
import { grantPlan } from "./plan";
import { decodeOrRefuse, messageIn } from "./why-denied";

/**
 * Applies the grant for a refusal: the plan is built again from RAM's decoding of the message,
 * and runs only when it is the one previewed (`token`), claimed so that racing applies run once.
 */
export async function applyDenialFix(ram: RamGateway, deps: WriteDeps, actor: Actor, text: string, token: string): Promise<PlanOutcome> {
  const message = messageIn(text);
  const run = await applyRun(deps, actor, token, async () => {
    const fix = smallestFix(explain(await decodeOrRefuse(ram, message)));
    if (fix.kind !== "grant") throw AppError.invalid({ text: rule("denialFixOffered") });
    return grantPlan(fix);
  });
  return run.run();
}
