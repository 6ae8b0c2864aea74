import "server-only";
import { requirePermission, type Actor } from "../auth/actor";
import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";
import { previewPlan, type WritePlan } from "../writes/plan";
import { runPlan, type PlanOutcome, type StepOutcome, type WriteDeps } from "../writes/run-plan";

// The setup's writes run through runPlan, which checks all of this again; checking here first
// lets the API refuse with a plain error before it starts streaming the steps' progress.

export function assertApplicable(deps: WriteDeps, actor: Actor, plan: WritePlan, token: string): void {
  requirePermission(actor, "cloud:write");
  if (deps.readOnly) throw new AppError("read_only", "writes.readOnly");
  if (previewPlan(plan).token !== token) {
    throw new AppError("conflict", "writes.planDiffers", {
      fields: { token: rule("previewToken") },
    });
  }
}

export interface ApplyRun {
  plan: WritePlan;
  run(onStep?: (s: StepOutcome) => void): Promise<PlanOutcome>;
}

export function applyRun(deps: WriteDeps, actor: Actor, plan: WritePlan, token: string): ApplyRun {
  assertApplicable(deps, actor, plan, token);
  return { plan, run: (onStep) => runPlan(deps, actor, plan, { token }, onStep) };
}
