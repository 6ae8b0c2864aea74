import "server-only";
import { requirePermission, type Actor } from "../auth/actor";
import { assertCloudWritable } from "../cloud/read-only";
import { AppError } from "../errors/app-error";
import { previewPlan, type WritePlan } from "../writes/plan";
import { runPlan, type PlanOutcome, type StepOutcome, type WriteDeps } from "../writes/run-plan";

// The setup's writes run through runPlan, which checks all of this again; checking here first
// lets the API refuse with a plain error before it starts streaming the steps' progress.

function assertApplicable(deps: WriteDeps, actor: Actor, plan: WritePlan, token: string): void {
  requirePermission(actor, "cloud:write");
  assertCloudWritable(deps.readOnly);
  if (previewPlan(plan).token !== token) {
    throw new AppError("conflict", "What would be applied differs from the preview you confirmed (the input or the account changed). Preview again and confirm what it shows.", {
      fields: { token: "must be the token of the current preview" },
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
